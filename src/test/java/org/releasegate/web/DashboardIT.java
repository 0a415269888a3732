package org.releasegate.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class DashboardIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsEachApplicationWithItsDeploymentsAndSplit() throws Exception {
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application(engineer.username());
		api.deployment(app, "production", "1.0.0", "be/v1");
		Map<String, Object> candidate = api.deployment(app, "production", "1.1.0", "be/v2");
		api.deployment(app, "staging", "1.1.0", "be-staging/v2");
		// the traffic module keeps this read model; here the split is set directly
		jdbc.sql("update deployments set traffic_percent = case when id = ? then 10 else 90 end "
				+ "where application = ? and environment = 'production'")
			.params(java.util.UUID.fromString((String) candidate.get("id")), app)
			.update();

		signIn(engineer.username(), engineer.password());
		open("/");
		WebElement card = find("[data-application='" + app + "']");
		WebElement production = card.findElement(org.openqa.selenium.By.cssSelector("[data-environment=production]"));
		assertThat(production.findElements(org.openqa.selenium.By.cssSelector(".split-seg")))
			.extracting(segment -> segment.getAttribute("title"))
			.containsExactly("1.0.0 90%", "1.1.0 10%");
		assertThat(production.findElement(org.openqa.selenium.By.cssSelector(".split")).getAttribute("aria-label"))
			.isEqualTo("Traffic: 1.0.0 90%, 1.1.0 10%");
		assertThat(production.findElements(org.openqa.selenium.By.cssSelector(".versions .version")))
			.extracting(WebElement::getText)
			.containsExactly("1.1.0", "1.0.0");
		WebElement staging = card.findElement(org.openqa.selenium.By.cssSelector("[data-environment=staging]"));
		assertThat(staging.getText()).contains("no traffic yet").contains("1.1.0");

		// filtering by name swaps the list in place (htmx) and keeps the address
		// shareable
		find("#q").sendKeys(app);
		waitUntil(driver -> driver.getCurrentUrl().contains("q=" + app));
		waitUntil(driver -> findAll("[data-application]").size() == 1);
		assertThat(find("[data-application]").getAttribute("data-application")).isEqualTo(app);
		screenshot("dashboard");
		assertAccessible();
		assertNoConsoleErrors();

		card = find("[data-application='" + app + "'] h2 a");
		card.click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/applications/" + app));
		assertThat(findAll("#deployments tbody tr")).hasSize(3);
		assertThat(findAll("#deployments tbody tr td:nth-child(3)")).extracting(WebElement::getText)
			.as("newest first")
			.containsExactly("1.1.0", "1.1.0", "1.0.0");
		screenshot("application");
		assertAccessible();
		assertNoConsoleErrors();
	}

	@Test
	void anUnknownApplicationGetsTheFriendlyNotFoundPage() {
		Api.Person engineer = api.person("ENGINEER");
		signIn(engineer.username(), engineer.password());
		open("/applications/" + Api.unique("missing"));
		assertThat(find("[data-status]").getAttribute("data-status")).isEqualTo("404");
		assertThat(find("h1").getText()).isEqualTo("We could not find that");
		assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
	}

}
