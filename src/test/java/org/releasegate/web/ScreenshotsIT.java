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

import org.springframework.http.MediaType;

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

	@Test
	void mainPages() throws Exception {
		person("pat", "PRODUCT_OWNER");
		person("erin", "ENGINEER");
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

		String release = releaseOfCatalog();
		browser.manage().deleteAllCookies();
		signIn("pat", "password-of-pat");
		open("/inbox");
		assertThat(findAll("#inbox tbody tr")).hasSize(1);
		save("inbox", screenshot("inbox"));
		open("/releases/" + release);
		assertThat(findAll("#checklist li")).hasSize(6);
		save("release", screenshot("release"));
	}

	/**
	 * Erin asks to release the checkout's candidate as a canary and attests its
	 * behaviour.
	 */
	private String releaseOfCatalog() {
		Map<String, Object> body = Map.of("application", "demo-catalog", "environment", "production",
				"candidateVersion", "7.2.0", "strategy",
				Map.of("type", "CANARY", "steps",
						List.of(Map.of("weight", 10, "pause", "PT10M"), Map.of("weight", 50, "pause", "PT30M"),
								Map.of("weight", 100, "pause", "PT0S"))),
				"onCallContact", "erin (pager +49 30 1234 567)", "summary",
				"Faster search: results as you type, with spelling suggestions.", "ticketUrl",
				"https://tickets.example.com/CAT-1432");
		Map<String, Object> created = api.basic("erin", "password-of-erin")
			.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(org.releasegate.Api.JSON)
			.returnResult()
			.getResponseBody();
		api.basic("erin", "password-of-erin")
			.post()
			.uri("/api/v1/releases/{id}/checklist/normal-behaviour", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("action", "ATTEST", "comment", "error rate 0.02 %, p99 180 ms, logs clean in staging"))
			.exchange()
			.expectStatus()
			.isOk();
		return (String) created.get("id");
	}

	/** A person with a readable name for the pictures (the database is fresh per run). */
	private void person(String username, String role) {
		api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", "password-of-" + username, "displayName",
					Character.toUpperCase(username.charAt(0)) + username.substring(1), "roles", List.of(role)))
			.exchange();
	}

	/**
	 * An application with running deployments holding the given split (version:percent).
	 */
	private void shop(String name, String displayName, Map<String, List<String>> environments) {
		api.admin()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "displayName", displayName, "owners", List.of("pat")))
			.exchange();
		environments.forEach((environment, versions) -> {
			Map<String, Double> weights = new java.util.LinkedHashMap<>();
			for (String entry : versions) {
				String[] parts = entry.split(":");
				String endpoint = name + "-" + environment + "/v" + parts[0].replace('.', '-');
				api.admin()
					.post()
					.uri("/api/v1/deployments")
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("application", name, "environment", environment, "version", parts[0], "endpoint",
							endpoint, "commit", Integer.toHexString(parts[0].hashCode()) + "e2f9a71c"))
					.exchange();
				weights.put(endpoint, Double.parseDouble(parts[1]));
			}
			// a load balancer already serving this split, adopted by binding it
			String balancer = name + "-" + environment;
			org.releasegate.traffic.InMemoryLoadBalancer.create(balancer, weights);
			api.admin()
				.put()
				.uri("/api/v1/applications/{name}/environments/{env}/binding", name, environment)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("adapter", "memory", "settings", Map.of("name", balancer)))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		});
	}

	private static void save(String name, Path screenshot) throws Exception {
		if (System.getenv("UPDATE_SCREENSHOTS") != null) {
			Files.createDirectories(DOCS);
			Files.copy(screenshot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
