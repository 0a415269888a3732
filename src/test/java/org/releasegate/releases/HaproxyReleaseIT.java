package org.releasegate.releases;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
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

/**
 * Releases against a real HAProxy with two backends: what users get, counted through
 * HAProxy, follows each canary step forward and each step of a gradual rollback back, and
 * a candidate whose probe fails is rolled back.
 */
@FullStackTest
class HaproxyReleaseIT {

	private static final int REQUESTS = 100;

	/** How far, in percentage points, the counted share may stray from the step. */
	private static final double TOLERANCE = 5.0;

	@Autowired
	Api api;

	private final VersionBackends backends = new VersionBackends();

	private HaproxyProcess haproxy;

	private HttpServer health;

	private volatile int healthStatus = 200;

	private CanaryScene scene;

	@BeforeEach
	void v1ServesEverythingThroughHaproxy() throws IOException {
		HaproxyProcess.assumeInstalled();
		haproxy = HaproxyProcess.start("shop", "server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
				"server green 127.0.0.1:" + backends.start("v2") + " weight 0");
		health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		health.createContext("/health", exchange -> {
			byte[] body = (healthStatus == 200 ? "UP" : "DOWN").getBytes();
			exchange.sendResponseHeaders(healthStatus, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		health.start();
		scene = new CanaryScene(api, "blue", "green");
		scene.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
	}

	@AfterEach
	void stopEverything() {
		if (haproxy != null) {
			haproxy.close();
		}
		if (health != null) {
			health.stop(0);
		}
		backends.close();
	}

	@Test
	void usersFollowTheCanaryStepByStep() throws Exception {
		String id = scene.approved(CanaryScene.canary(10, "PT1S", false, 50, "PT1S", false, 100, "PT0S", false));
		assertThat(scene.act(scene.engineer, id, "start", null).body()).containsEntry("status", "IN_PROGRESS");
		int[] weights = { 10, 50, 100 };
		for (int step = 0; step < weights.length; step++) {
			int v2 = weights[step];
			boolean last = step == weights.length - 1;
			scene.awaitStep(id, step, Duration.ofSeconds(8));
			if (!last) {
				// held while counting, however slow the machine: the count sees one step
				Reply paused = scene.act(scene.engineer, id, "pause", null);
				assertThat(paused.body()).as("%s", paused).containsEntry("currentStep", step);
			}
			await().atMost(Duration.ofSeconds(2))
				.until(() -> haproxy.weight("shop", "green") == Math.round(v2 * 256 / 100f));
			Map<String, Integer> answers = backends.count(haproxy.frontendUrl(), REQUESTS);
			double seenV2 = 100.0 * answers.getOrDefault("v2", 0) / REQUESTS;
			assertThat(seenV2).as("percent of requests answered by v2 at step %d (%d%%): %s", step, v2, answers)
				.isBetween(v2 - TOLERANCE, v2 + TOLERANCE);
			if (!last) {
				assertThat(scene.act(scene.engineer, id, "resume", null).body()).containsEntry("currentStep", step);
			}
		}
		assertThat(scene.read(id).get("status")).isEqualTo("COMPLETED");
		assertThat(backends.count(haproxy.frontendUrl(), 50)).containsOnlyKeys("v2");
	}

	@Test
	void usersLeaveTheCandidateStepByStepInAGradualRollback() throws Exception {
		Map<String, Object> strategy = new java.util.HashMap<>(
				CanaryScene.canary(10, "PT1H", false, 30, "PT1H", false, 60, "PT1H", false, 100, "PT0S", false));
		strategy.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "PT3S"));
		String id = scene.approved(strategy);
		scene.act(scene.engineer, id, "start", null);
		for (int step = 1; step <= 3; step++) {
			scene.act(scene.engineer, id, "promote", null);
		}
		assertThat(scene.read(id).get("status")).isEqualTo("COMPLETED");
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 256);

		Reply rolling = scene.act(scene.engineer, id, "rollback", Map.of("reason", "basket errors"));
		assertThat(rolling.body()).as("%s", rolling).containsEntry("status", "ROLLING_BACK");
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 154);
		// each answer counts for the weight HAProxy had before and after it, however
		// slowly
		// a busy machine sends them; answers across a step are left out
		Map<Integer, Map<String, Integer>> byWeight = new java.util.LinkedHashMap<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (byWeight.getOrDefault(0, Map.of()).values().stream().mapToInt(Integer::intValue).sum() < 40
				&& System.nanoTime() < deadline) {
			int before = haproxy.weight("shop", "green");
			Map<String, Integer> answer = backends.count(haproxy.frontendUrl(), 1);
			if (haproxy.weight("shop", "green") == before) {
				answer.forEach((version, n) -> byWeight.computeIfAbsent(before, w -> new java.util.TreeMap<>())
					.merge(version, n, Integer::sum));
			}
		}
		assertThat(byWeight.keySet()).as("HAProxy weights of v2, in the order seen: 60%%, 30%%, 10%%, 0%%")
			.containsExactly(154, 77, 26, 0);
		for (int v2 : new int[] { 60, 30, 10, 0 }) {
			Map<String, Integer> answers = byWeight.get(Math.round(v2 * 256 / 100f));
			int counted = answers.values().stream().mapToInt(Integer::intValue).sum();
			assertThat(counted).as("answers counted at %d%% within the step pause: %s", v2, byWeight)
				.isGreaterThanOrEqualTo(40);
			double seenV2 = 100.0 * answers.getOrDefault("v2", 0) / counted;
			// round robin is exact up to a request or two; with 40 answers or more the
			// ranges of neighbouring steps do not overlap
			double tolerance = TOLERANCE + 200.0 / counted;
			assertThat(seenV2).as("percent of requests answered by v2 stepping back at %d%%: %s", v2, answers)
				.isBetween(v2 - tolerance, v2 + tolerance);
		}
		assertThat(scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(2)).body()).containsEntry("candidatePercent",
				0);
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
		assertThat(backends.count(haproxy.frontendUrl(), 50)).containsOnlyKeys("v1");
	}

	@Test
	void aCandidateWhoseProbeFailsMidCanaryIsRolledBack() throws Exception {
		Reply gates = scene.gates(Map.of("probe",
				Map.of("urlTemplate", "http://127.0.0.1:" + health.getAddress().getPort() + "/health?v={version}",
						"expectedStatus", 200, "bodyContains", "UP"),
				"failuresToRollBack", 2));
		assertThat(gates.status()).as("%s", gates).isEqualTo(200);
		String id = scene.approved(CanaryScene.canary(10, "PT0.5S", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		scene.awaitStep(id, 1, Duration.ofSeconds(8));
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 128);
		assertThat(backends.count(haproxy.frontendUrl(), 20)).containsKeys("v1", "v2");

		healthStatus = 503;
		Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(8));
		assertThat(rolledBack.body()).containsEntry("decidedBy", "system");
		assertThat((String) rolledBack.list("gateResults").get(0).get("evidence")).contains("answered 503");
		await().atMost(Duration.ofSeconds(2)).until(() -> haproxy.weight("shop", "green") == 0);
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
		assertThat(backends.count(haproxy.frontendUrl(), 100)).containsOnlyKeys("v1");
	}

}
