package org.releasegate.releases;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.post;

/**
 * Releases moving real desired splits, pushed to an in-memory load balancer, stepped by
 * the conductor of the shared context (every 200 ms in tests).
 */
@FullStackTest
class ExecutionIT {

	@Autowired
	Api api;

	CanaryScene scene;

	InMemoryLoadBalancer.Balancer balancer;

	@BeforeEach
	void aStableVersionBehindALoadBalancer() {
		String lb = Api.unique("lb");
		String v1 = Api.unique("v1");
		String v2 = Api.unique("v2");
		InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
		balancer = InMemoryLoadBalancer.get(lb);
		scene = new CanaryScene(api, v1, v2);
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		this.v2 = v2;
	}

	String v2;

	double candidateShare() {
		return balancer.shares().getOrDefault(v2, 0.0);
	}

	@Test
	void aCanaryWaitsForTheProductOwnerCompletesAndRollsBackAfterwards() {
		String id = scene.approved(CanaryScene.canary(10, "PT0.5S", false, 50, "PT0.5S", true, 100, "PT0S", false));
		assertThat(scene.act(scene.owner, id, "start", null).status()).as("owners do not start").isEqualTo(403);
		Reply started = scene.act(scene.engineer, id, "start", null);
		assertThat(started.body()).as("%s", started)
			.containsEntry("status", "IN_PROGRESS")
			.containsEntry("currentStep", 0);
		assertThat(candidateShare()).isEqualTo(10.0);
		assertThat(scene.act(scene.engineer, id, "start", null).status()).as("started once").isEqualTo(409);

		// the pause passes, but step 1 waits for a product owner
		await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
		assertThat(scene.read(id).get("currentStep")).isEqualTo(0);
		Reply byEngineer = scene.act(scene.engineer, id, "promote", null);
		assertThat(byEngineer.status()).isEqualTo(403);
		assertThat((String) byEngineer.get("detail")).contains("product owner");
		Reply promoted = scene.act(scene.owner, id, "promote", null);
		assertThat(promoted.body()).as("%s", promoted).containsEntry("currentStep", 1);
		assertThat(candidateShare()).isEqualTo(50.0);

		// then the schedule takes it to 100% and the release is done
		Reply completed = scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(5));
		assertThat(completed.body()).containsEntry("currentStep", 2);
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 100.0);

		// the old version still runs: a rollback after completion returns to it
		assertThat(scene.act(scene.engineer, id, "rollback", Map.of("reason", " ")).status()).isEqualTo(400);
		Reply rolledBack = scene.act(scene.engineer, id, "rollback", Map.of("reason", "checkout errors"));
		assertThat(rolledBack.body()).as("%s", rolledBack)
			.containsEntry("status", "ROLLED_BACK")
			.containsEntry("decidedBy", scene.engineer.username())
			.containsEntry("reason", "checkout errors");
		assertThat(candidateShare()).isZero();

		assertThat(scene.audit("release.started")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actor", scene.engineer.username()));
		assertThat(scene.audit("release.step-reached")).extracting(e -> e.get("actor"))
			.containsExactly(scene.owner.username(), "system");
		assertThat(scene.audit("release.completed")).hasSize(1);
		assertThat(scene.audit("release.rolled-back")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actor", scene.engineer.username()));
	}

	@Test
	void aPausedCanaryHoldsItsStepUntilResumed() {
		String id = scene.approved(CanaryScene.canary(10, "PT0.3S", false, 50, "PT0.3S", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		Reply paused = scene.act(scene.owner, id, "pause", null);
		assertThat(paused.body()).as("%s", paused).containsEntry("status", "PAUSED");
		await().pollDelay(Duration.ofMillis(1000)).until(() -> true);
		assertThat(scene.read(id).body()).containsEntry("status", "PAUSED").containsEntry("currentStep", 0);
		assertThat(candidateShare()).isEqualTo(10.0);
		assertThat(scene.act(scene.engineer, id, "promote", null).status()).as("a paused release is not promoted")
			.isEqualTo(409);

		assertThat(scene.act(scene.engineer, id, "resume", null).body()).containsEntry("status", "IN_PROGRESS");
		scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(5));
		assertThat(candidateShare()).isEqualTo(100.0);
		assertThat(scene.audit("release.step-reached"))
			.extracting(e -> (Object) ((Map<?, ?>) e.get("after")).get("step"))
			.containsExactly(1, 2);
		assertThat(scene.audit("release.paused")).hasSize(1);
		assertThat(scene.audit("release.resumed")).hasSize(1);
	}

	@Test
	void theChecklistGuardsTheStartUnlessAManagerOverridesIt() {
		String id = scene.approved(CanaryScene.canary(25, "PT1H", false, 100, "PT0S", false));
		balancer.down(true);
		// the checklist shows the binding as the reconciler last read it
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "FAILED".equals(scene.read(id).item("rollback-path").get("status")));
		Reply refused = scene.act(scene.engineer, id, "start", null);
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat((String) refused.get("detail")).contains("rollback-path is FAILED");
		assertThat(scene.act(scene.engineer, id, "start", Map.of("override", true, "reason", "x")).status())
			.isEqualTo(403);
		Reply noReason = scene.act(scene.manager, id, "start", Map.of("override", true));
		assertThat(noReason.status()).isEqualTo(400);
		balancer.down(false);
		balancer.down(true);
		Reply overridden = scene.act(scene.manager, id, "start",
				Map.of("override", true, "reason", "load balancer API flaky, weights verified by hand"));
		assertThat(overridden.body()).as("%s", overridden).containsEntry("status", "IN_PROGRESS");
		balancer.down(false);
		await().atMost(Duration.ofSeconds(3)).until(() -> candidateShare() == 25.0);
		assertThat(scene.audit("release.started")).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", scene.manager.username());
			assertThat(e.get("after").toString()).contains("override=true")
				.contains("weights verified by hand")
				.contains("rollback-path");
		});
	}

	@Test
	void rollbackIsRefusedWhenTheStableVersionNoLongerRuns() {
		String id = scene.approved(CanaryScene.canary(10, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		assertThat(scene.act(scene.engineer, id, "promote", null).body()).containsEntry("status", "COMPLETED");
		assertThat(post(scene.engineer.client(), "/api/v1/deployments/{id}/retire", null, scene.v1).status())
			.isEqualTo(200);
		Reply refused = scene.act(scene.owner, id, "rollback", Map.of("reason", "too late"));
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat((String) refused.get("detail")).contains("stable 1.0.0 is RETIRED")
			.contains("never sent back to a deployment that is not RUNNING");
		assertThat(scene.read(id).body()).containsEntry("status", "COMPLETED");
		assertThat(candidateShare()).isEqualTo(100.0);
	}

	@Test
	void aFailingReportedHealthRollsTheCanaryBackBySystem() {
		assertThat(scene.gates(Map.of("reportedHealth", true, "failuresToRollBack", 2)).status()).isEqualTo(200);
		String id = scene.approved(CanaryScene.canary(10, "PT0.2S", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		// the gate holds while the candidate is healthy: the canary goes on to 50%
		scene.awaitStep(id, 1, Duration.ofSeconds(5));
		assertThat(post(scene.engineer.client(), "/api/v1/deployments/{id}/health",
				Map.of("status", "FAILING", "detail", "5xx on /basket"), scene.v2)
			.status()).isEqualTo(200);
		Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(5));
		assertThat(rolledBack.body()).containsEntry("decidedBy", "system")
			.containsEntry("reason", "health gate failed 2 times in a row");
		List<Map<String, Object>> results = rolledBack.list("gateResults");
		assertThat(results.get(0)).containsEntry("passed", false);
		assertThat((String) results.get(0).get("evidence")).contains("FAILING").contains("5xx on /basket");
		assertThat(results).anySatisfy(r -> assertThat(r).containsEntry("passed", true));
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 0.0);
		assertThat(scene.audit("release.rolled-back")).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "system");
			assertThat(e.get("after").toString()).contains("5xx on /basket");
		});
	}

	@Test
	void anApprovedReleaseStartsAtItsScheduledTime() {
		String at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
		String id = scene.approved(Map.of("type", "ALL_AT_ONCE"), at);
		assertThat(scene.read(id).get("status")).isEqualTo("APPROVED");
		Reply completed = scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(6));
		// the conductor pushes right after its commit, which a reader may see first
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 100.0);
		assertThat(completed.body()).containsEntry("currentStep", 0);
		assertThat(scene.audit("release.started")).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actor", "system"));
	}

}
