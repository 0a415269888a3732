package org.releasegate.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.releasegate.identity.TestIdentityProviders.CHECKOUT;
import static org.releasegate.identity.TestIdentityProviders.PAYMENTS;

/**
 * People sign in with the company's OpenID Connect provider, a real Spring Authorization
 * Server, in real Chromium. The service started while that provider was down: local
 * sign-in works then, and "Sign in with ..." says it is unavailable. Once it runs, a
 * product owner's groups make them the owner of an application, where they approve; they
 * are refreshed, and audited, at each sign-in.
 */
@WithIdentityProviders
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT extends BrowserTest {

	private static final String ENVIRONMENT = "browser";

	@AfterAll
	static void stopProvider() {
		AuthorizationServer.stop();
	}

	@Test
	@Order(1)
	void whileTheProviderIsDownLocalSignInStillWorks() {
		open("/login");
		assertThat(find("#sign-in-sso").getText()).isEqualTo("Sign in with Test Identity Provider");
		find("#sign-in-sso").click();
		waitUntil(driver -> driver.getCurrentUrl().contains("sso-unavailable"));
		assertThat(find("#sso-unavailable").getText()).startsWith(
				"Sign-in with Test Identity Provider is not available right now. Please try again in a moment, or sign in");
		assertAccessible();

		Api.Person engineer = api.person("ENGINEER");
		signIn(engineer.username(), engineer.password());
		assertThat(find(".who").getText()).isEqualTo(engineer.username());
	}

	@Test
	@Order(2)
	void aProductOwnerSignsInWithTheProviderAndApprovesWhereTheirGroupMakesThemOwner() throws Exception {
		AuthorizationServer.start(api.baseUrl() + "/login/oauth2/code/oidc");
		String checkout = releaseAwaitingApproval(CHECKOUT);
		String payments = releaseAwaitingApproval(PAYMENTS);

		signInWithProvider("olivia");
		assertThat(find(".who").getText()).isEqualTo("olivia");
		Map<String, Object> olivia = user("olivia");
		assertThat(olivia).containsEntry("source", "oidc")
			.containsEntry("roles", List.of("PRODUCT_OWNER"))
			.containsEntry("applications", List.of(CHECKOUT))
			.containsEntry("displayName", "SSO olivia");
		assertThat(api.auditEvents("action=identity.user-created"))
			.anySatisfy(event -> assertThat(event).containsEntry("subjectId", "olivia"));

		open("/releases/" + payments);
		assertThat(findAll("#decision")).as("no decision on an application olivia does not own").isEmpty();

		open("/releases/" + checkout);
		retrying(() -> find("#decision-comment").click());
		find("#decision-comment").sendKeys("Checked with the checkout team");
		find("#decision button[value=APPROVE]").click();
		waitUntil(driver -> "APPROVED".equals(driver.findElement(By.id("release-status")).getAttribute("data-status")));
		screenshot("single-sign-on-approval");
		assertThat(api.auditEvents("action=release.approval-given&application={app}", CHECKOUT))
			.anySatisfy(event -> assertThat(event).containsEntry("actor", "olivia").containsEntry("actorKind", "OIDC"));
	}

	@Test
	@Order(3)
	void groupsAreReadAgainAtEachSignInAndTheChangeIsAudited() {
		AuthorizationServer.start(api.baseUrl() + "/login/oauth2/code/oidc");
		AuthorizationServer.regroup("olivia", "releasegate-engineers");
		signInWithProvider("olivia");
		assertThat(user("olivia")).containsEntry("roles", List.of("ENGINEER")).containsEntry("applications", List.of());
		assertThat(api.auditEvents("action=identity.roles-changed")).anySatisfy(event -> {
			assertThat(event).containsEntry("subjectId", "olivia");
			assertThat(event.get("after").toString()).contains("ENGINEER");
		});
	}

	/**
	 * Signs in through the provider's own sign-in form. The service asks the provider
	 * again a few seconds after it last failed to answer: until then the service's
	 * sign-in page says it is unavailable.
	 */
	private void signInWithProvider(String username) {
		// a new session at the provider too, so it asks for the password and reads the
		// groups again
		browser.get(TestIdentityProviders.providerIssuer() + "/login");
		browser.manage().deleteAllCookies();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			open("/login");
			find("#sign-in-sso").click();
			waitUntil(driver -> driver.getCurrentUrl().startsWith(TestIdentityProviders.providerIssuer())
					|| driver.getCurrentUrl().contains("sso-unavailable"));
			if (browser.getCurrentUrl().startsWith(TestIdentityProviders.providerIssuer())
					|| Instant.now().isAfter(deadline)) {
				break;
			}
			sleepBriefly();
		}
		find("#username").sendKeys(username);
		find("#password").sendKeys(AuthorizationServer.PASSWORD);
		find("button[type=submit]").click();
		waitUntil(driver -> driver.getCurrentUrl().startsWith(api.baseUrl())
				&& !driver.getCurrentUrl().contains("/login"));
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> user(String username) {
		return api.admin()
			.get()
			.uri("/api/v1/users/{username}", username)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A release of the application, requested by an engineer, waiting only for approval.
	 */
	private String releaseAwaitingApproval(String application) {
		RestTestClient admin = api.admin();
		admin.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", application, "displayName", "App " + application, "owners", List.of()))
			.exchange();
		String version = "5.0." + System.nanoTime() % 100_000;
		api.deployment(application, ENVIRONMENT, version, application + "-" + version.replace('.', '-'));
		Api.Person manager = api.person("RELEASE_MANAGER");
		manager.client()
			.put()
			.uri("/api/v1/applications/{app}/environments/{env}/policy", application, ENVIRONMENT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("soakMinutes", 0))
			.exchange()
			.expectStatus()
			.isOk();
		Api.Person engineer = api.person("ENGINEER");
		Map<String, Object> body = new HashMap<>();
		body.put("application", application);
		body.put("environment", ENVIRONMENT);
		body.put("candidateVersion", version);
		body.put("strategy", Map.of("type", "ALL_AT_ONCE"));
		body.put("onCallContact", "pager: " + engineer.username());
		String id = (String) engineer.client()
			.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		engineer.client()
			.post()
			.uri("/api/v1/releases/{id}/checklist/normal-behaviour", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("action", "ATTEST", "comment", "error rate flat"))
			.exchange()
			.expectStatus()
			.isOk();
		return id;
	}

	private static void retrying(Runnable action) {
		for (int attempt = 1;; attempt++) {
			try {
				action.run();
				return;
			}
			catch (org.openqa.selenium.StaleElementReferenceException swapped) {
				if (attempt == 5) {
					throw swapped;
				}
			}
		}
	}

}
