package org.releasegate;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --demo} (or {@code RELEASEGATE_DEMO=true}) turns on the sample data of
 * {@code org.releasegate.demo}. Without a configured admin password it chooses one, so
 * that the sample data can be made through the service's own API; it is printed with the
 * other sample passwords. The sample pull binding names the connection {@code demo-pull},
 * which it declares unless the operator did.
 */
class DemoSwitch implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** The connection the sample data's pull binding names. */
	static final String DEMO_CONNECTION = "releasegate.traffic.connections.demo-pull";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		boolean demo = environment.containsProperty("demo")
				|| environment.getProperty("releasegate.demo.enabled", Boolean.class, false);
		if (!demo) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("releasegate.demo.enabled", "true");
		String adminPassword = environment.getProperty("releasegate.identity.admin-password");
		if (adminPassword == null || adminPassword.isBlank()) {
			properties.put("releasegate.identity.admin-password", randomPassword());
		}
		// the sample pull binding needs a connection; a pull connection reaches nothing
		// outside the service, and the operator's own configuration of it wins
		if (!environment.containsProperty(DEMO_CONNECTION + ".adapter")) {
			properties.put(DEMO_CONNECTION + ".adapter", "pull");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("demo", properties));
	}

	static String randomPassword() {
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
