package org.releasegate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says in one line that PostgreSQL cannot be reached and exits, instead of letting the
 * connection pool, Flyway and Hibernate each print a wall of stack traces.
 */
class DatabaseReachabilityCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		Properties properties = new Properties();
		properties.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		properties.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			System.err.println("ReleaseGate cannot reach PostgreSQL at " + url + " as user '"
					+ properties.getProperty("user") + "': " + rootMessage(ex)
					+ " (set RELEASEGATE_DB_URL, RELEASEGATE_DB_USER, RELEASEGATE_DB_PASSWORD)");
			System.exit(1);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : ex.getMessage();
	}

}
