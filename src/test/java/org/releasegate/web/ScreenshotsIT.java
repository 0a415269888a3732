package org.releasegate.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots of the main pages with realistic data, under {@code target/screenshots/}.
 * With {@code UPDATE_SCREENSHOTS=1} they are also copied to {@code docs/screenshots/},
 * the images the README shows: run
 * {@code UPDATE_SCREENSHOTS=1 ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScreenshotsIT}
 * after changing the UI, and commit them.
 */
@FullStackTest
class ScreenshotsIT extends BrowserTest {

	private static final Path DOCS = Path.of("docs", "screenshots");

	@Autowired
	JdbcClient jdbc;

	@Test
	void mainPages() throws Exception {
		shop("demo-checkout", "Checkout",
				Map.of("production", List.of("2.4.0:75", "2.5.0:25"), "staging", List.of("2.5.0:100")));
		shop("demo-catalog", "Catalog", Map.of("production", List.of("7.1.3:100", "7.2.0:0")));
		shop("demo-payments", "Payments", Map.of("production", List.of("1.9.2:100")));

		signIn("admin", org.releasegate.Api.ADMIN_PASSWORD);
		open("/?q=demo-");
		assertThat(findAll("[data-application]")).hasSize(3);
		save("dashboard", screenshot("dashboard"));
		browser.manage().window().setSize(new Dimension(390, 844));
		open("/?q=demo-");
		save("dashboard-phone", screenshot("dashboard-phone"));
		browser.manage().window().setSize(new Dimension(1280, 900));
		open("/applications/demo-checkout");
		save("application", screenshot("application"));
		open("/deployments?application=demo-checkout");
		screenshot("deployments");
		open("/audit?application=demo-checkout");
		screenshot("audit");
		open("/admin");
		screenshot("admin");
	}

	/**
	 * An application with running deployments holding the given split (version:percent).
	 */
	private void shop(String name, String displayName, Map<String, List<String>> environments) {
		api.admin()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "displayName", displayName, "owners", List.of()))
			.exchange();
		environments.forEach((environment, versions) -> {
			for (String entry : versions) {
				String[] parts = entry.split(":");
				api.admin()
					.post()
					.uri("/api/v1/deployments")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("application", name, "environment", environment, "version", parts[0], "endpoint",
							name + "-" + environment + "/v" + parts[0].replace('.', '-'), "commit",
							Integer.toHexString(parts[0].hashCode()) + "e2f9a71c"))
					.exchange();
				// the traffic module keeps this read model; here the split is set
				// directly
				jdbc.sql("update deployments set traffic_percent = ? "
						+ "where application = ? and environment = ? and version = ?")
					.params(Integer.parseInt(parts[1]), name, environment, parts[0])
					.update();
			}
		});
	}

	private static void save(String name, Path screenshot) throws Exception {
		if (System.getenv("UPDATE_SCREENSHOTS") != null) {
			Files.createDirectories(DOCS);
			Files.copy(screenshot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
