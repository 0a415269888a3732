package org.releasegate.releases;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.VersionBackends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Journey 3: an engineer rolls back a running canary from the release page, in a real
 * browser, with a real HAProxy in front of two versions. The page shows the new split
 * without being reloaded, and HAProxy sends every request to the old version.
 */
@FullStackTest
class RollbackPageIT extends BrowserTest {

	private final VersionBackends backends = new VersionBackends();

	private HaproxyProcess haproxy;

	private CanaryScene scene;

	@BeforeEach
	void v1ServesEverythingThroughHaproxy() throws IOException {
		HaproxyProcess.assumeInstalled();
		haproxy = HaproxyProcess.start("shop", "server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
				"server green 127.0.0.1:" + backends.start("v2") + " weight 0");
		scene = new CanaryScene(api, "blue", "green");
		scene.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
	}

	@AfterEach
	void stopEverything() {
		if (haproxy != null) {
			haproxy.close();
		}
		backends.close();
	}

	@Test
	void anEngineerRollsBackARunningCanaryFromTheReleasePage() throws Exception {
		String id = scene.approved(CanaryScene.canary(25, "PT1H", false, 100, "PT0S", false));
		assertThat(scene.act(scene.engineer, id, "start", null).body()).containsEntry("status", "IN_PROGRESS");
		await().atMost(Duration.ofSeconds(5)).until(() -> haproxy.weight("shop", "green") == 64);
		assertThat(backends.count(haproxy.frontendUrl(), 40)).as("both versions answer during the canary")
			.containsKeys("v1", "v2");

		signIn(scene.engineer.username(), scene.engineer.password());
		open("/releases/" + id);
		assertThat(attr("#release-status", "data-status")).isEqualTo("IN_PROGRESS");
		assertThat(text("#current-step")).startsWith("Step 1 of 2: 25% to 2.0.0");
		assertThat(text("#waits-for")).contains("step 2 (100%) at");
		assertThat(attr("#release-split", "data-candidate")).isEqualTo("25");
		assertThat(attr("#release-split", "data-stable")).isEqualTo("75");
		waitUntil(driver -> count("#timeline canvas") == 1);
		waitUntil(driver -> "IN_SYNC".equals(attr("#running .sync", "data-sync")));
		screenshot("release-running");
		assertAccessible();
		assertNoConsoleErrors();
		script("window.stillTheSamePage = true;");

		// the rollback asks first, in a dialog that needs a reason
		retrying(() -> find("#rollback-open").click());
		waitUntil(driver -> Boolean.TRUE.equals(script("return document.getElementById('rollback-dialog').open;")));
		assertThat(script("return document.activeElement.id;")).as("focus moves into the dialog")
			.isEqualTo("rollback-reason");
		find("#rollback-confirm").click();
		assertThat(script("return document.getElementById('rollback-reason').validity.valueMissing;"))
			.as("no rollback without a reason")
			.isEqualTo(true);
		assertThat(attr("#release-status", "data-status")).isEqualTo("IN_PROGRESS");
		find("#rollback-reason").sendKeys("checkout errors after 2.0.0");
		screenshot("release-rollback-dialog");
		find("#rollback-confirm").click();

		waitUntil(driver -> "ROLLED_BACK".equals(attr("#release-status", "data-status")));
		waitUntil(driver -> "0".equals(attr("#release-split", "data-candidate")));
		assertThat(attr("#release-split", "data-stable")).isEqualTo("100");
		assertThat(attr("#release-split .split", "aria-label")).isEqualTo("Traffic: 1.0.0 100%");
		assertThat(text(".live-messages")).contains("Rolled back: all traffic goes to 1.0.0.");
		assertThat(count("#rollback-open")).as("nothing left to roll back").isZero();
		assertThat(script("return window.stillTheSamePage === true;")).as("not reloaded").isEqualTo(true);

		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 0);
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
		assertThat(backends.count(haproxy.frontendUrl(), 100)).as("every user is back on the old version")
			.containsOnlyKeys("v1");

		Calls.Reply release = scene.read(id);
		assertThat(release.body()).containsEntry("status", "ROLLED_BACK")
			.containsEntry("decidedBy", scene.engineer.username())
			.containsEntry("reason", "checkout errors after 2.0.0");
		assertThat(scene.audit("release.rolled-back")).hasSize(1);
		waitUntil(driver -> count("#timeline canvas") == 1);
		screenshot("release-rolled-back");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		open("/releases/" + id);
		waitUntil(driver -> count("#timeline canvas") == 1);
		screenshot("release-rolled-back-phone");
		assertAccessible();
		assertNoConsoleErrors();
	}

	// the live part is replaced every 3 s: read it in one go in the page, and click again
	// what was swapped between finding and clicking it

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

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	private String attr(String css, String name) {
		return (String) script(
				"const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css,
				name);
	}

	private String text(String css) {
		return (String) script("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
	}

	private long count(String css) {
		return ((Number) script("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
	}

}
