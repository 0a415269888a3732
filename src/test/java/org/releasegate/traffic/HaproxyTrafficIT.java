package org.releasegate.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path against a real HAProxy: REST call, desired split, push, HAProxy weights,
 * and which version really answers requests sent through HAProxy.
 */
@FullStackTest
class HaproxyTrafficIT {

	/**
	 * Requests counted per split, and how far (in percentage points) the count may stray.
	 */
	private static final int REQUESTS = 300;

	private static final double TOLERANCE = 5.0;

	@Autowired
	Api api;

	private final VersionBackends backends = new VersionBackends();

	private HaproxyProcess haproxy;

	private TrafficClient traffic;

	@BeforeEach
	void startHaproxyWithV1Serving() throws Exception {
		HaproxyProcess.assumeInstalled();
		int v1 = backends.start("v1");
		int v2 = backends.start("v2");
		haproxy = HaproxyProcess.start("shop", "server blue 127.0.0.1:" + v1 + " weight 256",
				"server green 127.0.0.1:" + v2 + " weight 0");
		String app = api.application();
		api.deployment(app, "production", "1.0.0", "blue");
		api.deployment(app, "production", "2.0.0", "green");
		traffic = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");
		Map<String, Object> binding = traffic
			.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
		assertThat(binding).containsEntry("adopted", Map.of("1.0.0", 100, "2.0.0", 0));
	}

	@AfterEach
	void stopEverything() {
		if (haproxy != null) {
			haproxy.close();
		}
		backends.close();
	}

	@Test
	void usersFollowTheSplitStepByStep() throws Exception {
		for (int v2 : new int[] { 0, 10, 50, 100 }) {
			Map<String, Object> state = traffic.split(Map.of("1.0.0", 100 - v2, "2.0.0", v2));
			assertThat(state).containsEntry("inSync", true).containsEntry("pendingChange", null);
			assertThat(haproxy.weight("shop", "green")).isEqualTo(Math.round(v2 * 256 / 100f));

			Map<String, Integer> answers = backends.count(haproxy.frontendUrl(), REQUESTS);
			assertThat(answers.keySet()).isSubsetOf("v1", "v2");
			double seenV2 = 100.0 * answers.getOrDefault("v2", 0) / REQUESTS;
			assertThat(seenV2).as("percent of requests answered by v2 at %d%%: %s", v2, answers)
				.isBetween(v2 - TOLERANCE, v2 + TOLERANCE);
			if (v2 == 0 || v2 == 100) {
				assertThat(answers).hasSize(1);
			}
		}
	}

	@Test
	void weightsLostByARestartAreRestoredByTheReconciler() throws Exception {
		traffic.split(Map.of("1.0.0", 50, "2.0.0", 50));
		assertThat(haproxy.weight("shop", "green")).isEqualTo(128);

		haproxy.stop();
		haproxy.start();
		assertThat(haproxy.weight("shop", "green")).as("a fresh HAProxy starts from its config").isZero();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> haproxy.weight("shop", "green") == 128 && haproxy.weight("shop", "blue") == 128);
		// the weights are set inside the reconciler's transaction: its record commits a
		// moment later
		await().atMost(Duration.ofSeconds(5)).until(() -> !((List<?>) traffic.traffic().get("drift")).isEmpty());
		Map<String, Integer> answers = backends.count(haproxy.frontendUrl(), 200);
		assertThat(answers.get("v2")).isBetween(80, 120);
	}

	@Test
	void aChangeMadeWhileHaproxyIsDownIsAppliedWhenItReturns() throws Exception {
		haproxy.stop();
		Map<String, Object> state = traffic.split(Map.of("2.0.0", 100));
		@SuppressWarnings("unchecked")
		Map<String, Object> pending = (Map<String, Object>) state.get("pendingChange");
		assertThat(pending).containsEntry("status", "PENDING");
		assertThat((String) pending.get("lastError")).as("a fixed sentence, without the socket's path")
			.isIn("the load balancer refused the connection", "the load balancer could not be reached");
		Thread.sleep(1000);
		assertThat(traffic.traffic().get("pendingChange")).isNotNull();

		haproxy.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> haproxy.weight("shop", "green") == 256 && haproxy.weight("shop", "blue") == 0);
		await().atMost(Duration.ofSeconds(5)).until(() -> traffic.traffic().get("pendingChange") == null);
		assertThat(backends.count(haproxy.frontendUrl(), 50)).containsOnlyKeys("v2");
	}

	@Test
	void rollbackReturnsAllTrafficToTheLastStableVersionAtOnce() throws Exception {
		traffic.split(Map.of("1.0.0", 0, "2.0.0", 100));
		Api.Person engineer = api.person("ENGINEER");

		Map<String, Object> rolledBack = traffic.as(engineer.client())
			.rollback("checkout errors after 2.0.0")
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();

		assertThat(rolledBack).containsEntry("version", "1.0.0").containsEntry("status", "APPLIED");
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
		assertThat(haproxy.weight("shop", "green")).isZero();
		assertThat(backends.count(haproxy.frontendUrl(), 50)).containsOnlyKeys("v1");
		Map<String, Object> audit = api.admin()
			.get()
			.uri("/api/v1/audit?application={app}&action=traffic.rolled-back", traffic.application())
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(audit.get("items").toString()).contains(engineer.username()).contains("checkout errors after 2.0.0");

		traffic.split(Map.of("1.0.0", 90, "2.0.0", 10));
		haproxy.stop();
		Map<String, Object> accepted = traffic.as(engineer.client())
			.rollback("canary looks wrong")
			.expectStatus()
			.isAccepted()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(accepted).containsEntry("version", "1.0.0").containsEntry("status", "PENDING");
		haproxy.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> haproxy.weight("shop", "green") == 0);
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(256);
	}

}
