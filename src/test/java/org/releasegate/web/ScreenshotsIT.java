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
				Map.of("production", List.of("2.4.0:100", "2.5.0:0"), "staging", List.of("2.4.0:0", "2.5.0:100")));
		shop("demo-catalog", "Catalog", Map.of("production", List.of("7.1.3:100", "7.2.0:0")));
		shop("demo-payments", "Payments", Map.of("production", List.of("1.9.2:100")));
		String canary = runningCanaryOfCheckout();
		// someone changed the staging load balancer by hand; the binding only reports it
		org.releasegate.traffic.InMemoryLoadBalancer.get("demo-checkout-staging")
			.setByHand("demo-checkout-staging/v2-4-0", 50);

		signIn("admin", org.releasegate.Api.ADMIN_PASSWORD);
		open("/?q=demo-");
		assertThat(findAll("[data-application]")).hasSize(3);
		waitUntil(driver -> {
			driver.navigate().refresh();
			return !findAll("[data-application='demo-checkout'] [data-sync=DRIFTED]").isEmpty();
		});
		assertThat(findAll("[data-application='demo-checkout'] .open-release")).hasSize(1);
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
		save("release-approval", screenshot("release-approval"));

		browser.manage().deleteAllCookies();
		signIn("erin", "password-of-erin");
		browser.manage().window().setSize(new Dimension(1280, 1180));
		open("/releases/" + canary);
		waitUntil(driver -> !findAll("#timeline canvas").isEmpty());
		assertThat(find("#current-step").getText()).startsWith("Step 3 of 4: 50% to 2.5.0");
		save("release", screenshot("release"));
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	/**
	 * Erin releases the checkout's 2.5.0 as a canary with a health gate; Pat approves. It
	 * takes two short steps and holds the third for an hour: a real timeline, if a short
	 * one.
	 */
	private String runningCanaryOfCheckout() {
		as("admin", org.releasegate.Api.ADMIN_PASSWORD).put()
			.uri("/api/v1/applications/demo-checkout/environments/production/policy")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("requiredApprovals", 1, "soakMinutes", 0))
			.exchange()
			.expectStatus()
			.isOk();
		as("admin", org.releasegate.Api.ADMIN_PASSWORD).put()
			.uri("/api/v1/applications/demo-checkout/environments/production/gates")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reportedHealth", true, "failuresToRollBack", 3))
			.exchange()
			.expectStatus()
			.isOk();
		String id = (String) call("erin", "/api/v1/releases",
				Map.of("application", "demo-checkout", "environment", "production", "candidateVersion", "2.5.0",
						"strategy",
						Map.of("type", "CANARY", "steps",
								List.of(Map.of("weight", 5, "pause", "PT2S"), Map.of("weight", 25, "pause", "PT3S"),
										Map.of("weight", 50, "pause", "PT1H"), Map.of("weight", 100, "pause", "PT0S"))),
						"onCallContact", "erin (pager +49 30 1234 567)", "summary",
						"Saved baskets: a basket survives signing out and comes back on every device.", "ticketUrl",
						"https://tickets.example.com/CHK-2210"))
			.get("id");
		call("pat", "/api/v1/releases/" + id + "/approvals",
				Map.of("decision", "APPROVE", "comment", "Copy and prices checked with marketing"));
		call("erin", "/api/v1/releases/" + id + "/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "error rate 0.01 %, p99 140 ms in staging"));
		call("erin", "/api/v1/releases/" + id + "/start", Map.of());
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> Integer.valueOf(2)
				.equals(as("erin", "password-of-erin").get()
					.uri("/api/v1/releases/{id}", id)
					.exchange()
					.expectBody(org.releasegate.Api.JSON)
					.returnResult()
					.getResponseBody()
					.get("currentStep")));
		return id;
	}

	private Map<String, Object> call(String username, String path, Map<String, Object> body) {
		return as(username, "password-of-" + username).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(org.releasegate.Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	private org.springframework.test.web.servlet.client.RestTestClient as(String username, String password) {
		return api.basic(username, password);
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
				.body(Map.of("connection", "memory", "settings", Map.of("name", balancer), "driftPolicy", "REPORT"))
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
