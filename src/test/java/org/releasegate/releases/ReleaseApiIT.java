package org.releasegate.releases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.InMemoryLoadBalancer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;
import static org.releasegate.releases.Calls.put;

@FullStackTest
class ReleaseApiIT {

	static final Map<String, Object> ALL_AT_ONCE = Map.of("type", "ALL_AT_ONCE");

	static final Map<String, Object> CANARY = Map.of("type", "CANARY", "steps",
			List.of(Map.of("weight", 5, "pause", "PT5M"), Map.of("weight", 50, "pause", "PT10M"),
					Map.of("weight", 100, "pause", "PT0S")));

	@Autowired
	Api api;

	/** An application with owners, a running candidate, and a policy without soak. */
	class Scene {

		final Api.Person engineer = api.person("ENGINEER");

		final Api.Person owner = api.person("PRODUCT_OWNER");

		final Api.Person manager = api.person("RELEASE_MANAGER");

		final String app;

		Scene(Api.Person... moreOwners) {
			List<String> owners = new java.util.ArrayList<>(List.of(owner.username()));
			for (Api.Person p : moreOwners) {
				owners.add(p.username());
			}
			app = api.application(owners.toArray(String[]::new));
			api.deployment(app, "production", "1.0.0", app + "-v100");
			policy(Map.of("soakMinutes", 0));
		}

		Reply policy(Map<String, Object> policy) {
			Reply reply = put(manager.client(), "/api/v1/applications/{app}/environments/production/policy", policy,
					app);
			assertThat(reply.status()).as("%s", reply).isEqualTo(200);
			return reply;
		}

		Map<String, Object> body(String version, Map<String, Object> strategy) {
			Map<String, Object> body = new HashMap<>();
			body.put("application", app);
			body.put("environment", "production");
			body.put("candidateVersion", version);
			body.put("strategy", strategy);
			body.put("onCallContact", "pager: " + engineer.username());
			body.put("summary", "new basket");
			body.put("ticketUrl", "https://tickets.example.com/REL-1");
			return body;
		}

		Reply request(Api.Person by, Map<String, Object> body) {
			return post(by.client(), "/api/v1/releases", body);
		}

		String requested() {
			Reply reply = request(engineer, body("1.0.0", ALL_AT_ONCE));
			assertThat(reply.status()).as("%s", reply).isEqualTo(201);
			return (String) reply.get("id");
		}

		Reply decide(Api.Person by, String id, String decision, String comment) {
			Map<String, Object> body = new HashMap<>();
			body.put("decision", decision);
			body.put("comment", comment);
			return post(by.client(), "/api/v1/releases/{id}/approvals", body, id);
		}

		Reply mark(Api.Person by, String id, String key, String action, String comment) {
			return post(by.client(), "/api/v1/releases/{id}/checklist/{key}",
					Map.of("action", action, "comment", comment), id, key);
		}

		Reply read(String id) {
			return get(engineer.client(), "/api/v1/releases/{id}", id);
		}

		List<String> audit(String action) {
			return api.auditEvents("application={app}&action={action}", app, action)
				.stream()
				.map(event -> String.valueOf(event.get("actor")))
				.toList();
		}

	}

	@Test
	void anEngineerRequestsAProductOwnerApprovesAndTheLastCheckApproves() {
		Scene scene = new Scene();
		Reply created = scene.request(scene.engineer, scene.body("1.0.0", ALL_AT_ONCE));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.body()).containsEntry("status", "REQUESTED")
			.containsEntry("candidateVersion", "1.0.0")
			.containsEntry("stableVersion", null)
			.containsEntry("requestedBy", scene.engineer.username())
			.containsEntry("approvals", List.of());
		assertThat(created.list("checklist")).extracting(i -> i.get("key"))
			.containsExactly("soak", "normal-behaviour", "rollback-path", "product-ready", "release-window", "contact");
		assertThat(created.item("soak")).containsEntry("status", "PASSED");
		assertThat(created.item("rollback-path")).containsEntry("status", "PASSED");
		assertThat((String) created.item("rollback-path").get("evidence")).startsWith("first release");
		assertThat(created.item("normal-behaviour")).containsEntry("status", "PENDING");
		assertThat(created.item("product-ready")).containsEntry("status", "PENDING");
		String id = (String) created.get("id");

		Reply approved = scene.decide(scene.owner, id, "APPROVE", "copy checked");
		assertThat(approved.status()).as("%s", approved).isEqualTo(200);
		// the approval came first: normal behaviour is still to be attested
		assertThat(approved.body()).containsEntry("status", "REQUESTED");
		assertThat(approved.item("product-ready")).containsEntry("status", "PASSED");
		assertThat(approved.list("approvals")).singleElement()
			.satisfies(a -> assertThat(a).containsEntry("by", scene.owner.username())
				.containsEntry("decision", "APPROVE")
				.containsEntry("comment", "copy checked"));

		Reply attested = scene.mark(scene.engineer, id, "normal-behaviour", "ATTEST", "error rate flat");
		assertThat(attested.status()).as("%s", attested).isEqualTo(200);
		assertThat(attested.body()).containsEntry("status", "APPROVED").containsEntry("checklistGreen", true);
		assertThat(attested.item("normal-behaviour")).containsEntry("status", "PASSED")
			.containsEntry("evidence", "attested by " + scene.engineer.username() + ": error rate flat");

		assertThat(scene.read(id).body()).containsEntry("status", "APPROVED");
		assertThat(scene.audit("release.requested")).containsExactly(scene.engineer.username());
		assertThat(scene.audit("release.approval-given")).containsExactly(scene.owner.username());
		assertThat(scene.audit("release.check-attested")).containsExactly(scene.engineer.username());
		assertThat(scene.audit("release.approved")).containsExactly("system");
	}

	@Test
	void fourEyesWhateverRolesTheRequesterHolds() {
		Api.Person both = api.person("ENGINEER", "PRODUCT_OWNER", "RELEASE_MANAGER");
		Scene scene = new Scene(both);
		Reply created = scene.request(both, scene.body("1.0.0", ALL_AT_ONCE));
		String id = (String) created.get("id");
		Reply own = scene.decide(both, id, "APPROVE", "mine");
		assertThat(own.status()).isEqualTo(403);
		assertThat((String) own.get("detail")).contains("four eyes");
		assertThat(scene.read(id).list("approvals")).isEmpty();
	}

	@Test
	void onlyOwnersWithTheProductOwnerRoleDecide() {
		Scene scene = new Scene();
		String id = scene.requested();
		Api.Person stranger = api.person("PRODUCT_OWNER");
		assertThat(scene.decide(stranger, id, "APPROVE", null).status()).isEqualTo(403);
		assertThat(scene.decide(scene.engineer, id, "APPROVE", null).status()).isEqualTo(403);
		assertThat(scene.decide(scene.manager, id, "REJECT", "no").status()).isEqualTo(403);
		Reply noComment = scene.decide(scene.owner, id, "REJECT", " ");
		assertThat(noComment.status()).isEqualTo(400);
		assertThat(noComment.field()).isEqualTo("comment");
		Reply twice = scene.decide(scene.owner, id, "APPROVE", null);
		assertThat(twice.status()).isEqualTo(200);
		assertThat(scene.decide(scene.owner, id, "APPROVE", null).status()).isEqualTo(409);
		assertThat(scene.read(id).list("approvals")).hasSize(1);
	}

	@Test
	void aRejectionClosesTheRelease() {
		Scene scene = new Scene();
		String id = scene.requested();
		Reply rejected = scene.decide(scene.owner, id, "REJECT", "legal has not signed off");
		assertThat(rejected.body()).containsEntry("status", "REJECTED");
		assertThat(rejected.item("product-ready")).containsEntry("status", "FAILED")
			.containsEntry("evidence", "rejected by " + scene.owner.username() + ": legal has not signed off");
		assertThat(scene.decide(scene.owner, id, "APPROVE", null).status()).isEqualTo(409);
		assertThat(scene.audit("release.rejected")).containsExactly(scene.owner.username());
		// the environment is free for a new request
		assertThat(scene.request(scene.engineer, scene.body("1.0.0", ALL_AT_ONCE)).status()).isEqualTo(201);
	}

	@Test
	void badRequestsNameTheirField() {
		Scene scene = new Scene();
		Map<String, Object> rising = scene.body("1.0.0", Map.of("type", "CANARY", "steps",
				List.of(Map.of("weight", 50, "pause", "PT5M"), Map.of("weight", 25, "pause", "PT5M"))));
		assertThat(scene.request(scene.engineer, rising).field()).isEqualTo("strategy.steps[1].weight");
		Map<String, Object> badPause = scene.body("1.0.0",
				Map.of("type", "CANARY", "steps", List.of(Map.of("weight", 100, "pause", "five minutes"))));
		Reply pause = scene.request(scene.engineer, badPause);
		assertThat(pause.status()).isEqualTo(400);
		assertThat(pause.field()).isEqualTo("strategy.steps[0].pause");
		Map<String, Object> noVersion = scene.body("1.0.0", ALL_AT_ONCE);
		noVersion.remove("candidateVersion");
		assertThat(scene.request(scene.engineer, noVersion).field()).isEqualTo("candidateVersion");
		Reply firstCanary = scene.request(scene.engineer, scene.body("1.0.0", CANARY));
		assertThat(firstCanary.status()).isEqualTo(400);
		assertThat(firstCanary.field()).isEqualTo("strategy.type");

		Map<String, Object> unknownApp = scene.body("1.0.0", ALL_AT_ONCE);
		unknownApp.put("application", Api.unique("nope"));
		Reply app = scene.request(scene.engineer, unknownApp);
		assertThat(app.status()).isEqualTo(422);
		assertThat(app.field()).isEqualTo("application");
		Reply candidate = scene.request(scene.engineer, scene.body("9.9.9", ALL_AT_ONCE));
		assertThat(candidate.status()).isEqualTo(422);
		assertThat(candidate.field()).isEqualTo("candidateVersion");

		assertThat(scene.request(scene.owner, scene.body("1.0.0", ALL_AT_ONCE)).status()).isEqualTo(403);
		assertThat(scene.request(scene.engineer, scene.body("1.0.0", ALL_AT_ONCE)).status()).isEqualTo(201);
		assertThat(scene.request(scene.engineer, scene.body("1.0.0", ALL_AT_ONCE)).status()).isEqualTo(409);
		assertThat(get(scene.engineer.client(), "/api/v1/releases/{id}", java.util.UUID.randomUUID()).status())
			.isEqualTo(404);
	}

	@Test
	void aCanaryFromTheStableDeploymentAndItsRollbackPath() {
		Scene scene = new Scene();
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of(scene.app + "-v100", 100.0));
		assertThat(put(scene.manager.client(), "/api/v1/applications/{app}/environments/production/binding",
				Map.of("connection", "memory", "settings", Map.of("name", lb)), scene.app)
			.status()).isBetween(200, 201);
		assertThat(put(scene.manager.client(), "/api/v1/applications/{app}/environments/production/traffic",
				Map.of("split", Map.of("1.0.0", 100), "reason", "1.0.0 holds it all"), scene.app)
			.status()).isEqualTo(200);
		api.deployment(scene.app, "production", "1.1.0", scene.app + "-v110");
		Reply stableAgain = scene.request(scene.engineer, scene.body("1.0.0", ALL_AT_ONCE));
		assertThat(stableAgain.status()).isEqualTo(422);
		assertThat((String) stableAgain.get("detail")).contains("already the stable deployment");

		Reply canary = scene.request(scene.engineer, scene.body("1.1.0", CANARY));
		assertThat(canary.status()).as("%s", canary).isEqualTo(201);
		assertThat(canary.body()).containsEntry("stableVersion", "1.0.0");
		assertThat(canary.item("rollback-path")).containsEntry("status", "PASSED");
		assertThat((String) canary.item("rollback-path").get("evidence"))
			.startsWith("stable 1.0.0 is RUNNING; router binding: load balancer last read ")
			.endsWith(" ago, as desired");

		// the checklist shows what the reconciler recorded; it does not ask the load
		// balancer itself
		InMemoryLoadBalancer.get(lb).down(true);
		String id = (String) canary.get("id");
		await().atMost(java.time.Duration.ofSeconds(5))
			.until(() -> "FAILED".equals(scene.read(id).item("rollback-path").get("status")));
		assertThat((String) scene.read(id).item("rollback-path").get("evidence"))
			.contains("the load balancer could not be read when last tried")
			.doesNotContain("in-memory load balancer is down");
		InMemoryLoadBalancer.get(lb).down(false);
		@SuppressWarnings("unchecked")
		Map<String, Object> strategy = (Map<String, Object>) canary.get("strategy");
		assertThat(strategy).containsEntry("type", "CANARY");
		assertThat((List<?>) strategy.get("steps")).hasSize(3);
	}

	@Test
	void changingThePlanVoidsApprovals() {
		Api.Person second = api.person("PRODUCT_OWNER");
		Scene scene = new Scene(second);
		scene.policy(Map.of("soakMinutes", 0, "requiredApprovals", 2));
		String id = scene.requested();
		assertThat(scene.decide(scene.owner, id, "APPROVE", null).list("approvals")).hasSize(1);

		Map<String, Object> plan = Map.of("strategy", ALL_AT_ONCE, "scheduledStart", "2026-12-01T10:00:00+01:00");
		Api.Person other = api.person("ENGINEER");
		assertThat(put(other.client(), "/api/v1/releases/{id}/plan", plan, id).status()).isEqualTo(403);
		Reply changed = put(scene.engineer.client(), "/api/v1/releases/{id}/plan", plan, id);
		assertThat(changed.status()).as("%s", changed).isEqualTo(200);
		assertThat(changed.list("approvals")).isEmpty();
		assertThat(changed.list("voidedApprovals")).singleElement()
			.satisfies(a -> assertThat(a).containsEntry("by", scene.owner.username()));
		assertThat(changed.body()).containsEntry("scheduledStart", "2026-12-01T09:00:00Z");
		assertThat(changed.item("product-ready")).containsEntry("evidence", "0 of 2 approvals");
		assertThat(scene.audit("release.plan-changed")).containsExactly(scene.engineer.username());

		// the voided approver may approve the new plan
		assertThat(scene.decide(scene.owner, id, "APPROVE", "new plan fine").list("approvals")).hasSize(1);
		Reply both = scene.decide(second, id, "APPROVE", null);
		assertThat(both.list("approvals")).hasSize(2);
		assertThat(both.body()).containsEntry("status", "REQUESTED");
		// once approved, the plan is fixed
		scene.mark(scene.engineer, id, "normal-behaviour", "ATTEST", "fine");
		assertThat(scene.read(id).body()).containsEntry("status", "APPROVED");
		assertThat(put(scene.engineer.client(), "/api/v1/releases/{id}/plan", plan, id).status()).isEqualTo(409);
	}

	@Test
	void theRequesterOrAManagerCancels() {
		Scene scene = new Scene();
		String id = scene.requested();
		Api.Person other = api.person("ENGINEER");
		assertThat(post(other.client(), "/api/v1/releases/{id}/cancel", null, id).status()).isEqualTo(403);
		Reply cancelled = post(scene.engineer.client(), "/api/v1/releases/{id}/cancel", Map.of("reason", "wrong build"),
				id);
		assertThat(cancelled.body()).containsEntry("status", "CANCELLED").containsEntry("reason", "wrong build");
		assertThat(post(scene.manager.client(), "/api/v1/releases/{id}/cancel", null, id).status()).isEqualTo(409);

		String second = scene.requested();
		assertThat(post(scene.manager.client(), "/api/v1/releases/{id}/cancel", null, second).body())
			.containsEntry("status", "CANCELLED")
			.containsEntry("decidedBy", scene.manager.username());
		assertThat(scene.audit("release.cancelled")).hasSize(2);
	}

	@Test
	void engineersAttestAndManagersWaive() {
		Scene scene = new Scene();
		scene.policy(Map.of("soakMinutes", 0, "customChecks", List.of(Map.of("key", "docs", "title", "Docs updated"))));
		String id = scene.requested();
		assertThat(scene.read(id).item("docs")).containsEntry("status", "PENDING");

		assertThat(scene.mark(scene.owner, id, "docs", "ATTEST", "read them").status()).isEqualTo(403);
		assertThat(scene.mark(scene.manager, id, "docs", "ATTEST", "read them").status()).isEqualTo(403);
		assertThat(scene.mark(scene.engineer, id, "contact", "WAIVE", "x").status()).isEqualTo(403);
		assertThat(scene.mark(scene.engineer, id, "soak", "ATTEST", "looks fine").status()).isEqualTo(409);
		assertThat(scene.mark(scene.engineer, id, "nothing", "ATTEST", "x").status()).isEqualTo(404);
		assertThat(scene.mark(scene.engineer, id, "docs", "ATTEST", " ").field()).isEqualTo("comment");
		assertThat(scene.mark(scene.manager, id, "product-ready", "WAIVE", "hurry").status()).isEqualTo(409);

		assertThat(scene.mark(scene.engineer, id, "docs", "ATTEST", "changelog written").item("docs"))
			.containsEntry("status", "PASSED");
		Reply waived = scene.mark(scene.manager, id, "normal-behaviour", "WAIVE", "no traffic on staging");
		assertThat(waived.item("normal-behaviour")).containsEntry("status", "WAIVED")
			.containsEntry("evidence", "waived by " + scene.manager.username() + ": no traffic on staging")
			.containsEntry("evaluatedBy", scene.manager.username());
		// a waiver stands for good
		assertThat(scene.mark(scene.engineer, id, "normal-behaviour", "ATTEST", "fine").status()).isEqualTo(409);
		assertThat(scene.read(id).item("normal-behaviour")).containsEntry("status", "WAIVED");
		assertThat(scene.audit("release.check-waived")).containsExactly(scene.manager.username());
		assertThat(scene.audit("release.check-attested")).containsExactly(scene.engineer.username());
	}

	@Test
	void releasesAreListedNewestFirstPageByPage() {
		Scene scene = new Scene();
		for (String env : List.of("staging", "qa", "production")) {
			if (!env.equals("production")) {
				api.deployment(scene.app, env, "1.0.0", scene.app + "-" + env);
			}
			Map<String, Object> body = scene.body("1.0.0", ALL_AT_ONCE);
			body.put("environment", env);
			assertThat(scene.request(scene.engineer, body).status()).isEqualTo(201);
		}
		Reply first = get(scene.engineer.client(), "/api/v1/releases?application={app}&limit=2", scene.app);
		assertThat(first.list("items")).extracting(i -> i.get("environment")).containsExactly("production", "qa");
		Reply second = get(scene.engineer.client(), "/api/v1/releases?application={app}&limit=2&cursor={c}", scene.app,
				first.get("nextCursor"));
		assertThat(second.list("items")).extracting(i -> i.get("environment")).containsExactly("staging");
		assertThat(second.get("nextCursor")).isNull();
		assertThat(get(scene.engineer.client(), "/api/v1/releases?application={app}&environment=qa&status=REQUESTED",
				scene.app)
			.list("items")).hasSize(1);
		assertThat(get(scene.engineer.client(), "/api/v1/releases?application={app}&status=APPROVED", scene.app)
			.list("items")).isEmpty();
		assertThat(get(scene.engineer.client(), "/api/v1/releases?status=SOMETHING").status()).isEqualTo(400);
	}

}
