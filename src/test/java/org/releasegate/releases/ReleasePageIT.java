package org.releasegate.releases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;
import static org.releasegate.releases.Calls.put;

/**
 * Product owners on the release page, in a real browser: the inbox, the checklist, the
 * decision, the four-eyes rule, and the page following changes made elsewhere.
 */
@FullStackTest
class ReleasePageIT extends BrowserTest {

	/**
	 * An application owned by the given people, with a policy without soak and a release
	 * requested by {@code requester} whose only missing item is the product owners'
	 * approval.
	 */
	private String releaseAwaitingApproval(Api.Person requester, Api.Person... owners) {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application(java.util.Arrays.stream(owners).map(Api.Person::username).toArray(String[]::new));
		api.deployment(app, "production", "1.0.0", app + "-v100");
		assertThat(put(manager.client(), "/api/v1/applications/{app}/environments/production/policy",
				Map.of("soakMinutes", 0), app)
			.status()).isEqualTo(200);
		Map<String, Object> body = new HashMap<>();
		body.put("application", app);
		body.put("environment", "production");
		body.put("candidateVersion", "1.0.0");
		body.put("strategy", Map.of("type", "ALL_AT_ONCE"));
		body.put("onCallContact", "pager: " + engineer.username());
		body.put("summary", "New basket with saved items");
		body.put("ticketUrl", "https://tickets.example.com/REL-42");
		Calls.Reply created = post(requester.client(), "/api/v1/releases", body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = (String) created.get("id");
		Calls.Reply attested = post(engineer.client(), "/api/v1/releases/{id}/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "error rate flat, logs clean"), id);
		assertThat(attested.status()).as("%s", attested).isEqualTo(200);
		return id;
	}

	@Test
	void aProductOwnerFindsTheReleaseInTheInboxReadsTheChecklistAndApproves() throws Exception {
		Api.Person owner = api.person("PRODUCT_OWNER");
		Api.Person requester = api.person("ENGINEER");
		String id = releaseAwaitingApproval(requester, owner);

		signIn(owner.username(), owner.password());
		assertThat(find("#inbox-count").getText()).isEqualTo("1");
		find("a.inbox-link").click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/inbox"));
		assertThat(findAll("#inbox tbody tr")).hasSize(1);
		screenshot("inbox");
		assertAccessible();
		find("#inbox tr[data-release='" + id + "'] a").click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/releases/" + id));

		assertThat(attr("#release-status", "data-status")).isEqualTo("REQUESTED");
		assertThat(attr("#checklist li[data-key='normal-behaviour']", "data-status")).isEqualTo("PASSED");
		assertThat(text("#checklist li[data-key='normal-behaviour'] .evidence")).startsWith("attested by ")
			.endsWith(": error rate flat, logs clean");
		assertThat(attr("#checklist li[data-key='contact']", "data-status")).isEqualTo("PASSED");
		assertThat(attr("#checklist li[data-key='product-ready']", "data-status")).isEqualTo("PENDING");
		assertThat(find("main").getText()).contains("https://tickets.example.com/REL-42")
			.contains(requester.username())
			.contains("New basket with saved items");
		screenshot("release");

		// once the comment field has the focus, polling leaves the live part alone
		retrying(() -> find("#decision-comment").click());
		assertAccessible();
		assertNoConsoleErrors();
		find("#decision-comment").sendKeys("Copy and prices checked with marketing");
		find("#decision button[value=APPROVE]").click();
		waitUntil(driver -> "APPROVED".equals(attr("#release-status", "data-status")));
		assertThat(text("#approvals")).contains(owner.username()).contains("Copy and prices checked with marketing");
		assertThat(attr("#checklist li[data-key='product-ready']", "data-status")).isEqualTo("PASSED");
		assertThat(count("#decision")).as("no second decision").isZero();
		assertThat(read(owner, id).get("status")).isEqualTo("APPROVED");
		assertNoConsoleErrors();

		open("/inbox");
		assertThat(findAll("#inbox tr[data-release='" + id + "']")).isEmpty();
		assertThat(findAll("#inbox-count")).isEmpty();
	}

	@Test
	void theRequesterSeesNoApproveButtonAndAForgedApprovalIsRefused() {
		Api.Person requester = api.person("ENGINEER", "PRODUCT_OWNER");
		String id = releaseAwaitingApproval(requester, requester);

		signIn(requester.username(), requester.password());
		open("/releases/" + id);
		assertThat(attr("#release-status", "data-status")).isEqualTo("REQUESTED");
		assertThat(count("#decision")).isZero();
		assertThat(count("button[value=APPROVE]")).isZero();
		assertThat(count("#inbox-count")).as("one's own release waits for others").isZero();

		// the page's own CSRF token, so only the four-eyes rule can refuse it
		@SuppressWarnings("unchecked")
		Map<String, Object> reply = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = document.querySelector('meta[name="_csrf"]').content;
				const header = document.querySelector('meta[name="_csrf_header"]').content;
				fetch('/releases/%s/decision', { method: 'POST',
				  headers: { 'Content-Type': 'application/x-www-form-urlencoded', [header]: token },
				  body: 'decision=APPROVE&comment=looks+fine+to+me' })
				  .then(r => r.text().then(text => done({ status: r.status, text: text })));
				""".formatted(id));
		assertThat(((Number) reply.get("status")).intValue()).isEqualTo(403);
		assertThat((String) reply.get("text")).contains("four eyes");

		Calls.Reply after = read(requester, id);
		assertThat(after.get("status")).isEqualTo("REQUESTED");
		assertThat(after.list("approvals")).isEmpty();
	}

	@Test
	void thePageShowsAnApprovalGivenElsewhereWithoutReload() {
		Api.Person watcher = api.person("PRODUCT_OWNER");
		Api.Person other = api.person("PRODUCT_OWNER");
		String id = releaseAwaitingApproval(api.person("ENGINEER"), watcher, other);

		signIn(watcher.username(), watcher.password());
		open("/releases/" + id);
		assertThat(attr("#release-status", "data-status")).isEqualTo("REQUESTED");
		((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

		Calls.Reply approved = post(other.client(), "/api/v1/releases/{id}/approvals",
				Map.of("decision", "APPROVE", "comment", "fine by me"), id);
		assertThat(approved.get("status")).as("%s", approved).isEqualTo("APPROVED");

		waitUntil(driver -> "APPROVED".equals(attr("#release-status", "data-status")));
		assertThat(text("#approvals")).contains(other.username()).contains("fine by me");
		assertThat(count("#decision")).as("nothing left to decide").isZero();
		assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true;"))
			.as("not reloaded")
			.isEqualTo(true);
		assertNoConsoleErrors();
	}

	@Test
	void aRejectionWithoutCommentIsExplainedBesideTheForm() {
		Api.Person owner = api.person("PRODUCT_OWNER");
		String id = releaseAwaitingApproval(api.person("ENGINEER"), owner);

		signIn(owner.username(), owner.password());
		open("/releases/" + id);
		retrying(() -> find("#decision button[value=REJECT]").click());
		waitUntil(driver -> count("#decision-error") == 1);
		assertThat(text("#decision-error")).isEqualTo("A rejection needs a comment.");
		assertThat(attr("#decision-comment", "aria-invalid")).isEqualTo("true");
		assertThat(attr("#release-status", "data-status")).isEqualTo("REQUESTED");
		assertThat(read(owner, id).list("approvals")).isEqualTo(List.of());
	}

	// the live part is replaced every 3 s: read it in one go in the page, never through
	// an
	// element found before (it may have been swapped meanwhile)

	private String attr(String css, String name) {
		return (String) ((JavascriptExecutor) browser).executeScript(
				"const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null;", css,
				name);
	}

	private String text(String css) {
		return (String) ((JavascriptExecutor) browser)
			.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
	}

	private long count(String css) {
		return ((Number) ((JavascriptExecutor) browser)
			.executeScript("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
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

	private Calls.Reply read(Api.Person who, String id) {
		return get(who.client(), "/api/v1/releases/{id}", id);
	}

}
