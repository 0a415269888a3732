package org.releasegate.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The application page's releases and policy sections, and the policy form. */
@FullStackTest
class ApplicationReleasesIT extends BrowserTest {

	@Test
	void aReleaseManagerSeesTheHistoryAndEditsThePolicy() throws Exception {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application();
		api.deployment(app, "production", "1.0.0", app + "-v1");
		Map<String, Object> release = engineer.client()
			.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", app, "environment", "production", "candidateVersion", "1.0.0", "strategy",
					Map.of("type", "ALL_AT_ONCE")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();

		signIn(manager.username(), manager.password());
		open("/applications/" + app);
		find("#releases tr[data-release='" + release.get("id") + "'] a").click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/releases/" + release.get("id")));
		open("/applications/" + app);
		assertThat(find("#policy [data-environment=production]").getText()).contains("defaults").contains("5 min");

		find("#policy [data-environment=production] a.button").click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/environments/production/policy"));
		assertAccessible();
		find("#freezes").sendKeys("next friday");
		find(".policy-form button[type=submit]").click();
		// the refused form comes back with its inline error
		waitUntil(driver -> !findAll("#freezes-error").isEmpty());
		assertThat(find("#freezes-error").getText()).startsWith("line 1:");
		assertThat(find("#freezes").getAttribute("aria-invalid")).isEqualTo("true");
		// the 400 of the refused form is in the console on purpose
		browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);

		find("#freezes").clear();
		find("#soakMinutes").clear();
		find("#soakMinutes").sendKeys("0");
		find("#releaseWindows").sendKeys("Mon,Tue,Wed,Thu 09:00-16:00 Europe/Berlin");
		find("#customChecks").sendKeys("smoke-tests Smoke tests passed on staging");
		find(".policy-form button[type=submit]").click();
		// htmx swaps the page in, then updates the address
		waitUntil(driver -> driver.getCurrentUrl().contains("#policy"));
		assertThat(browser.getCurrentUrl()).as(() -> find("main").getText())
			.contains("/applications/" + app + "#policy");
		assertThat(find("#policy [data-environment=production]").getText()).contains("0 min")
			.contains("Mon,Tue,Wed,Thu 09:00-16:00 Europe/Berlin")
			.contains("smoke-tests Smoke tests passed on staging")
			.contains("Changed by " + manager.username());
		assertNoConsoleErrors();

		Map<String, Object> policy = manager.client()
			.get()
			.uri("/api/v1/applications/{app}/environments/production/policy", app)
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(policy).containsEntry("soakMinutes", 0).containsEntry("custom", true);
		assertThat((List<?>) policy.get("releaseWindows")).hasSize(1);
		assertThat((List<?>) policy.get("customChecks")).hasSize(1);
	}

	@Test
	void othersReadThePolicyButCannotEditIt() {
		Api.Person owner = api.person("PRODUCT_OWNER");
		String app = api.application(owner.username());
		api.deployment(app, "staging", "1.0.0", app + "-v1");

		signIn(owner.username(), owner.password());
		open("/applications/" + app);
		assertThat(find("#policy [data-environment=staging]").getText()).contains("Approvals");
		assertThat(findAll("#policy a.button")).isEmpty();
		open("/applications/" + app + "/environments/staging/policy");
		assertThat(find("[data-status]").getAttribute("data-status")).isEqualTo("403");
	}

}
