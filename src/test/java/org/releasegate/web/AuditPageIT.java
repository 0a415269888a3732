package org.releasegate.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;
import org.releasegate.audit.StrictCsv;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class AuditPageIT extends BrowserTest {

	@Test
	void anAuditorFiltersTheHistoryAndSeesOnlyMatchingEvents() throws Exception {
		Api.Person auditor = api.person("AUDITOR");
		String app = api.application();
		api.deployment(app, "production", "1.0.0", "be/v1");
		api.deployment(app, "production", "1.1.0", "be/v2");
		api.deployment(app, "staging", "1.1.0", "be-staging/v2");

		signIn(auditor.username(), auditor.password());
		open("/audit");
		find("#application").sendKeys(app);
		find("#environment").sendKeys("production");
		find("#action").sendKeys("deployment.recorded");
		find("#audit-filters button[type=submit]").click();
		waitUntil(driver -> driver.getCurrentUrl().contains("environment=production"));
		waitUntil(driver -> findAll("#results tbody tr").size() == 2);

		List<WebElement> rows = findAll("#results tbody tr");
		for (WebElement row : rows) {
			assertThat(row.findElement(By.cssSelector(".application")).getText()).isEqualTo(app);
			assertThat(row.findElement(By.cssSelector(".environment")).getText()).isEqualTo("production");
			assertThat(row.findElement(By.cssSelector(".action")).getText()).isEqualTo("deployment.recorded");
			assertThat(row.findElement(By.cssSelector(".actor")).getText()).startsWith("admin");
		}
		assertThat(find("#results a[href*='format=csv']").getAttribute("href")).contains("/audit/export?")
			.contains("application=" + app)
			.contains("environment=production")
			.contains("action=deployment.recorded");
		assertThat(find("#results a[href*='format=jsonl']").getAttribute("href")).contains("application=" + app);
		screenshot("audit");
		assertAccessible();
		assertNoConsoleErrors();

		// the address is shareable: opening it again shows the same filtered history
		String filtered = browser.getCurrentUrl();
		browser.get(filtered);
		assertThat(findAll("#results tbody tr")).hasSize(2);
		assertThat(find("#application").getAttribute("value")).isEqualTo(app);
	}

	@Test
	void anAuditorDownloadsTheFilteredHistoryAsCsv() {
		Api.Person auditor = api.person("AUDITOR");
		String app = api.application();
		api.deployment(app, "production", "1.0.0", "be/v1");
		api.deployment(app, "production", "1.1.0", "be/v2");
		api.deployment(app, "staging", "1.1.0", "be-staging/v2");

		signIn(auditor.username(), auditor.password());
		open("/audit?application=" + app + "&environment=production");
		String href = find("#results a[href*='format=csv']").getAttribute("href");
		// the browser itself fetches the download link, with its session cookie
		String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch(arguments[0]).then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done(String(e)));""",
				href);
		// WebDriver hands strings back with bare line feeds; the export itself ends rows
		// with CRLF
		List<List<String>> rows = StrictCsv.parse(csv.replace("\r\n", "\n").replace("\n", "\r\n"));
		List<String> header = rows.get(0);
		int application = header.indexOf("application");
		int environment = header.indexOf("environment");
		assertThat(rows.subList(1, rows.size())).hasSize(2).allSatisfy(row -> {
			assertThat(row.get(application)).isEqualTo(app);
			assertThat(row.get(environment)).isEqualTo("production");
			assertThat(row.get(header.indexOf("action"))).isEqualTo("deployment.recorded");
		});
	}

	@Test
	void aBadTimeIsShownBesideItsField() {
		Api.Person auditor = api.person("AUDITOR");
		signIn(auditor.username(), auditor.password());
		open("/audit?from=2026-11-29T06:00&to=2026-11-28T06:00");
		assertThat(find("#to-error").getText()).isEqualTo("must not be before 'from'");
		assertThat(find("#to").getAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void someoneWithoutTheRoleGetsTheFriendly403Page() throws Exception {
		Api.Person engineer = api.person("ENGINEER");
		signIn(engineer.username(), engineer.password());
		open("/audit");
		assertThat(find("[data-status]").getAttribute("data-status")).isEqualTo("403");
		assertThat(find("h1").getText()).isEqualTo("You are not allowed to see this");
		assertThat(find(".who").getText()).as("still signed in, with navigation").isEqualTo(engineer.username());
		assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at org.");
		screenshot("forbidden");
	}

}
