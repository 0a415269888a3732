package org.releasegate.releases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.VersionBackends;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;

/**
 * The candidate's pushed health guards every release on a real HAProxy, with the default
 * policy and no health gates configured: a FAILING report takes the candidate's users
 * away within a second, and no step is taken while reports fail.
 */
@FullStackTest
class ReportedHealthGateIT {

	@Autowired
	Api api;

	private final VersionBackends backends = new VersionBackends();

	private HaproxyProcess haproxy;

	private CanaryScene scene;

	@BeforeEach
	void v1ServesEverythingThroughHaproxy() throws Exception {
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
	void aFailingReportRollsTheCanaryBackWithinASecondWithoutConfiguredGates() throws Exception {
		Reply inForce = get(scene.manager.client(), "/api/v1/applications/{app}/environments/production/gates",
				scene.app);
		assertThat(inForce.body()).as("%s", inForce)
			.containsEntry("reportedHealth", true)
			.containsEntry("failuresToRollBack", 3);
		String id = scene.approved(CanaryScene.canary(10, "PT1H", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 26);
		assertThat(backends.count(haproxy.frontendUrl(), 20)).containsKeys("v1", "v2");

		report("FAILING");
		report("FAILING");
		long third = System.nanoTime();
		report("FAILING");
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> haproxy.weight("shop", "green") == 0);
		long millis = Duration.ofNanos(System.nanoTime() - third).toMillis();
		assertThat(millis).as("from the third FAILING report to no traffic for 2.0.0 on HAProxy").isLessThan(1000);

		Reply rolledBack = scene.read(id);
		assertThat(rolledBack.body()).containsEntry("status", "ROLLED_BACK")
			.containsEntry("decidedBy", "system")
			.containsEntry("currentStep", 0);
		assertThat((String) rolledBack.get("reason")).startsWith("health gate failed");
		assertThat(scene.audit("release.rolled-back")).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "system");
			assertThat(e.get("after").toString()).contains("reported health FAILING").contains("5xx on /basket");
		});
		assertThat(scene.audit("release.step-reached")).isEmpty();
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
		assertThat(backends.count(haproxy.frontendUrl(), 50)).containsOnlyKeys("v1");
	}

	@Test
	void noStepIsTakenWhileTheCandidateReportsFailureAndTheNextOneFollowsItsRecovery() throws Exception {
		// reported health is not named: it guards by default; a high count only keeps the
		// canary from rolling back while the test watches it hold
		assertThat(scene.gates(Map.of("failuresToRollBack", 100)).status()).isEqualTo(200);
		String id = scene.approved(CanaryScene.canary(10, "PT2S", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		report("DEGRADED");
		long pauseOver = System.nanoTime() + Duration.ofSeconds(4).toNanos();
		while (System.nanoTime() < pauseOver) {
			assertThat(scene.read(id).body()).as("held at 10%% while the candidate reports DEGRADED")
				.containsEntry("status", "IN_PROGRESS")
				.containsEntry("currentStep", 0);
			assertThat(haproxy.weight("shop", "green")).isLessThanOrEqualTo(26);
			Thread.sleep(100);
		}
		List<Map<String, Object>> results = scene.read(id).list("gateResults");
		assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r).containsEntry("passed", false));

		report("HEALTHY");
		scene.awaitStep(id, 1, Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 128);
	}

	private void report(String status) {
		Reply reply = post(scene.engineer.client(), "/api/v1/deployments/{id}/health",
				Map.of("status", status, "detail", "5xx on /basket"), scene.v2);
		assertThat(reply.status()).as("%s", reply).isEqualTo(200);
	}

}
