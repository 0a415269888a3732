package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Gradual rollbacks through the whole service, pushed to an in-memory load balancer and
 * stepped back by the conductor of the shared context (every 200 ms in tests).
 */
@FullStackTest
class GradualRollbackIT {

	@Autowired
	Api api;

	CanaryScene scene;

	InMemoryLoadBalancer.Balancer balancer;

	String v2;

	@BeforeEach
	void aStableVersionBehindALoadBalancer() {
		String lb = Api.unique("lb");
		String v1 = Api.unique("v1");
		v2 = Api.unique("v2");
		InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
		balancer = InMemoryLoadBalancer.get(lb);
		scene = new CanaryScene(api, v1, v2);
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
	}

	double candidateShare() {
		return balancer.shares().getOrDefault(v2, 0.0);
	}

	/** Steps 5, 25, 50, 100 that wait for a promote, and a gradual rollback. */
	static Map<String, Object> canary(String stepPause) {
		Map<String, Object> strategy = new HashMap<>(
				CanaryScene.canary(5, "PT1H", false, 25, "PT1H", false, 50, "PT1H", false, 100, "PT0S", false));
		strategy.put("rollback", Map.of("mode", "GRADUAL", "stepPause", stepPause));
		return strategy;
	}

	/** Starts the release and promotes it to the given step. */
	String runningAt(Map<String, Object> strategy, int step) {
		String id = scene.approved(strategy);
		assertThat(scene.act(scene.engineer, id, "start", null).status()).isEqualTo(200);
		for (int i = 1; i <= step; i++) {
			Reply promoted = scene.act(scene.engineer, id, "promote", null);
			assertThat(promoted.body()).as("%s", promoted).containsEntry("currentStep", i);
		}
		return id;
	}

	@Test
	void aGradualRollbackWalksTheCanaryBackOneStepPauseApart() {
		String id = runningAt(canary("PT0.6S"), 2);
		assertThat(scene.read(id).body()).containsEntry("candidatePercent", 50)
			.extractingByKey("strategy")
			.satisfies(s -> assertThat(s.toString()).contains("mode=GRADUAL").contains("stepPause=PT0.6S"));
		assertThat(candidateShare()).isEqualTo(50.0);
		int shiftsBefore = scene.audit("traffic.shifted").size();

		Reply rolling = scene.act(scene.engineer, id, "rollback", Map.of("reason", "checkout errors"));
		assertThat(rolling.body()).as("%s", rolling)
			.containsEntry("status", "ROLLING_BACK")
			.containsEntry("candidatePercent", 25)
			.containsEntry("currentStep", 1)
			.containsEntry("decidedBy", scene.engineer.username());
		assertThat(candidateShare()).as("the first step back comes at once").isEqualTo(25.0);
		List<Double> seen = new ArrayList<>(List.of(candidateShare()));

		// while it walks back it is the open release: nothing else moves traffic
		assertThat(scene.act(scene.engineer, id, "pause", null).status()).isEqualTo(409);
		assertThat(scene.act(scene.engineer, id, "promote", null).status()).isEqualTo(409);
		Reply again = scene.act(scene.owner, id, "rollback", Map.of("reason", "again"));
		assertThat(again.status()).as("%s", again).isEqualTo(409);
		assertThat((String) again.get("detail")).contains("already rolling back").contains("INSTANT");
		Reply other = post(scene.engineer.client(), "/api/v1/releases", Map.of("application", scene.app, "environment",
				"production", "candidateVersion", "2.0.0", "strategy", Map.of("type", "ALL_AT_ONCE")));
		assertThat(other.status()).as("%s", other).isEqualTo(409);

		await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(20)).until(() -> {
			double share = candidateShare();
			if (share != seen.get(seen.size() - 1)) {
				seen.add(share);
			}
			return "ROLLED_BACK".equals(scene.read(id).get("status"));
		});
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 0.0);
		if (seen.get(seen.size() - 1) != 0.0) {
			seen.add(candidateShare());
		}
		assertThat(seen).as("the candidate's share, step by step").containsExactly(25.0, 5.0, 0.0);
		Reply done = scene.read(id);
		assertThat(done.body()).containsEntry("status", "ROLLED_BACK")
			.containsEntry("candidatePercent", 0)
			.containsEntry("decidedBy", scene.engineer.username())
			.containsEntry("reason", "checkout errors");

		List<Map<String, Object>> started = scene.audit("release.rollback-started");
		List<Map<String, Object>> steppedBack = scene.audit("release.stepped-back");
		List<Map<String, Object>> rolledBack = scene.audit("release.rolled-back");
		assertThat(started).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", scene.engineer.username());
			assertThat(after(e)).containsEntry("status", "ROLLING_BACK")
				.containsEntry("candidatePercent", 25)
				.containsEntry("mode", "GRADUAL");
		});
		assertThat(steppedBack).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "system");
			assertThat(after(e)).containsEntry("candidatePercent", 5);
		});
		assertThat(rolledBack).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "system");
			assertThat(after(e)).containsEntry("candidatePercent", 0).containsEntry("mode", "GRADUAL");
		});
		// each step back waited its step pause, counted from the one before
		assertThat(Duration.between(at(started.get(0)), at(steppedBack.get(0))))
			.isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(Duration.between(at(steppedBack.get(0)), at(rolledBack.get(0))))
			.isGreaterThanOrEqualTo(Duration.ofMillis(600));
		assertThat(scene.audit("traffic.shifted")).as("one desired split per step back").hasSize(shiftsBefore + 3);
	}

	@Test
	void aPersonEndsAGradualRollbackAtOnce() {
		String id = runningAt(canary("PT1H"), 2);
		scene.act(scene.engineer, id, "rollback", Map.of("reason", "checkout errors"));
		assertThat(candidateShare()).isEqualTo(25.0);

		Reply gradual = scene.act(scene.owner, id, "rollback", Map.of("reason", "faster", "mode", "GRADUAL"));
		assertThat(gradual.status()).as("%s", gradual).isEqualTo(409);
		Reply now = scene.act(scene.owner, id, "rollback", Map.of("reason", "errors climbing", "mode", "INSTANT"));
		assertThat(now.body()).as("%s", now)
			.containsEntry("status", "ROLLED_BACK")
			.containsEntry("candidatePercent", 0)
			.containsEntry("decidedBy", scene.owner.username())
			.containsEntry("reason", "errors climbing");
		assertThat(candidateShare()).isZero();
		assertThat(scene.audit("release.rolled-back")).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", scene.owner.username());
			assertThat(after(e)).containsEntry("mode", "INSTANT")
				.containsEntry("note", "ended a gradual rollback at once");
			assertThat(before(e)).containsEntry("status", "ROLLING_BACK").containsEntry("candidatePercent", 25);
		});
	}

	@Test
	void aFailingHealthGateRollsBackAtOnceWhateverThePlanSays() {
		assertThat(scene.gates(Map.of("reportedHealth", true, "failuresToRollBack", 2)).status()).isEqualTo(200);
		Map<String, Object> strategy = new HashMap<>(
				CanaryScene.canary(10, "PT0.2S", false, 50, "PT1H", false, 100, "PT0S", false));
		strategy.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "PT1H"));
		String id = scene.approved(strategy);
		scene.act(scene.engineer, id, "start", null);
		scene.awaitStep(id, 1, Duration.ofSeconds(5));
		reportHealth("FAILING");
		Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(5));
		assertThat(rolledBack.body()).containsEntry("decidedBy", "system")
			.containsEntry("reason", "health gate failed 2 times in a row");
		// the conductor pushes right after its commit, which a reader may see first
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 0.0);
		assertThat(scene.audit("release.rollback-started")).isEmpty();
		assertThat(scene.audit("release.rolled-back")).singleElement()
			.satisfies(e -> assertThat(after(e)).containsEntry("mode", "INSTANT"));
	}

	@Test
	void aCandidateFailingItsGateDuringAGradualRollbackLosesItsShareAtOnce() {
		assertThat(scene.gates(Map.of("reportedHealth", true, "failuresToRollBack", 2)).status()).isEqualTo(200);
		String id = runningAt(canary("PT1H"), 2);
		scene.act(scene.engineer, id, "rollback", Map.of("reason", "slow pages"));
		assertThat(candidateShare()).isEqualTo(25.0);
		reportHealth("FAILING");
		Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(5));
		assertThat(rolledBack.body()).containsEntry("decidedBy", "system")
			.containsEntry("reason", "health gate failed 2 times in a row during the gradual rollback");
		await().atMost(Duration.ofSeconds(2)).until(() -> candidateShare() == 0.0);
		assertThat(scene.audit("release.stepped-back")).isEmpty();
		assertThat(scene.audit("release.rolled-back")).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "system");
			assertThat(after(e).get("evidence").toString()).contains("FAILING");
		});
	}

	@Test
	void aFailingGateThatHasNotYetRolledBackNeverHoldsUpAStepBack() {
		// gates are evaluated as often as the conductor passes (200 ms in tests): were a
		// failing evaluation to hold the rollback like it holds a canary, it would not
		// move
		assertThat(scene.gates(Map.of("reportedHealth", true, "failuresToRollBack", 100)).status()).isEqualTo(200);
		String id = runningAt(canary("PT0.5S"), 2);
		reportHealth("DEGRADED");
		scene.act(scene.engineer, id, "rollback", Map.of("reason", "slow pages"));
		Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(6));
		assertThat(rolledBack.body()).containsEntry("reason", "slow pages");
		assertThat(rolledBack.list("gateResults")).anySatisfy(r -> assertThat(r).containsEntry("passed", false));
		assertThat(scene.audit("release.stepped-back")).hasSize(1);
		assertThat(scene.audit("release.rolled-back")).singleElement()
			.satisfies(e -> assertThat(after(e)).containsEntry("mode", "GRADUAL"));
	}

	@Test
	void aCompletedReleaseWalksBackFromTheTopUnlessAnotherReleaseIsOpen() {
		String id = runningAt(canary("PT1H"), 3);
		assertThat(scene.read(id).get("status")).isEqualTo("COMPLETED");
		// 1.0.0 (0%) asked for again: an open release of the environment
		Reply other = post(scene.engineer.client(), "/api/v1/releases", Map.of("application", scene.app, "environment",
				"production", "candidateVersion", "1.0.0", "strategy", Map.of("type", "ALL_AT_ONCE")));
		assertThat(other.status()).as("%s", other).isEqualTo(201);
		Reply refused = scene.act(scene.engineer, id, "rollback", Map.of("reason", "bug"));
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat((String) refused.get("detail")).contains("another open release");
		assertThat(candidateShare()).isEqualTo(100.0);

		assertThat(scene.act(scene.engineer, (String) other.get("id"), "cancel", Map.of("reason", "not now")).status())
			.isEqualTo(200);
		Reply rolling = scene.act(scene.engineer, id, "rollback", Map.of("reason", "bug"));
		assertThat(rolling.body()).as("%s", rolling)
			.containsEntry("status", "ROLLING_BACK")
			.containsEntry("candidatePercent", 50);
		assertThat(candidateShare()).isEqualTo(50.0);
	}

	@Test
	void theRollbackPlanIsCheckedAndNamesTheField() {
		Map<String, Object> noPause = new HashMap<>(CanaryScene.canary(10, "PT1M", false, 100, "PT0S", false));
		noPause.put("rollback", Map.of("mode", "GRADUAL"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.stepPause");
		noPause.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "PT0S"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.stepPause");
		noPause.put("rollback", Map.of("mode", "INSTANT", "stepPause", "PT5S"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.stepPause");
		noPause.put("rollback", Map.of("mode", "SLOWLY", "stepPause", "PT5S"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.mode");
		noPause.put("rollback", Map.of("stepPause", "PT5S"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.mode");
		noPause.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "five seconds"));
		assertThat(request(noPause)).isEqualTo("400 strategy.rollback.stepPause");
		assertThat(request(Map.of("type", "ALL_AT_ONCE", "rollback", Map.of("mode", "GRADUAL", "stepPause", "PT5S"))))
			.isEqualTo("400 strategy.rollback.mode");

		// a plan without a gradual rollback cannot be rolled back gradually
		String id = runningAt(CanaryScene.canary(5, "PT1H", false, 50, "PT1H", false, 100, "PT0S", false), 1);
		Reply refused = scene.act(scene.engineer, id, "rollback", Map.of("reason", "x", "mode", "GRADUAL"));
		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.field()).isEqualTo("mode");
		Reply instant = scene.act(scene.engineer, id, "rollback", Map.of("reason", "x"));
		assertThat(instant.body()).containsEntry("status", "ROLLED_BACK");
		assertThat(candidateShare()).isZero();
	}

	private String request(Map<String, Object> strategy) {
		Reply reply = post(scene.engineer.client(), "/api/v1/releases", Map.of("application", scene.app, "environment",
				"production", "candidateVersion", "2.0.0", "strategy", strategy));
		return reply.status() + " " + (reply.status() == 400 ? reply.field() : reply.body());
	}

	private void reportHealth(String status) {
		assertThat(post(scene.engineer.client(), "/api/v1/deployments/{id}/health",
				Map.of("status", status, "detail", "5xx on /basket"), scene.v2)
			.status()).isEqualTo(200);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> after(Map<String, Object> event) {
		return (Map<String, Object>) event.get("after");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> before(Map<String, Object> event) {
		return (Map<String, Object>) event.get("before");
	}

	static Instant at(Map<String, Object> event) {
		return Instant.parse((String) event.get("occurredAt"));
	}

}
