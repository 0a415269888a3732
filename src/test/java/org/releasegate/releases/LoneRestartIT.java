package org.releasegate.releases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.ServiceProcess;
import org.releasegate.TestDatabase;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.VersionBackends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One ReleaseGate, the packaged jar in a JVM of its own, is the only instance on a
 * database of its own (the shared test context never sees it). It is killed with SIGKILL
 * mid-canary; while nothing runs, nothing moves; the same command started again picks the
 * release up from its stored step and completes it. The restarted instance is then killed
 * in the middle of a gradual rollback, and a third start finishes that. Every step,
 * forward and back, is applied exactly once, and HAProxy follows.
 */
class LoneRestartIT {

	private static final int[] WEIGHTS = { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };

	@Test
	void aLoneInstanceRestartedAfterSigkillGoesOnFromTheStoredStep() throws Exception {
		HaproxyProcess.assumeInstalled();
		ServiceProcess.assumePackaged();
		int port = ServiceProcess.freePort();
		try (TestDatabase.Extra database = TestDatabase.extra();
				VersionBackends backends = new VersionBackends();
				HaproxyProcess haproxy = HaproxyProcess.start("shop",
						"server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
						"server green 127.0.0.1:" + backends.start("v2") + " weight 0")) {
			Api api = Api.at(port);
			String id;
			try (ServiceProcess first = start(database, port)) {
				CanaryScene scene = new CanaryScene(api, "blue", "green");
				scene.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
				Object[] steps = new Object[WEIGHTS.length * 3];
				for (int i = 0; i < WEIGHTS.length; i++) {
					steps[i * 3] = WEIGHTS[i];
					steps[i * 3 + 1] = "PT0.4S";
					steps[i * 3 + 2] = false;
				}
				Map<String, Object> strategy = new java.util.HashMap<>(CanaryScene.canary(steps));
				strategy.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "PT0.4S"));
				id = scene.approved(strategy);
				scene.act(scene.engineer, id, "start", null);
				scene.awaitStep(id, 3, Duration.ofSeconds(15));
				first.kill();
				assertNothingMovesWhileNoInstanceRuns(database, id, "IN_PROGRESS");

				try (ServiceProcess second = start(database, port)) {
					scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(20));
					assertThat(stepsOf(scene, "release.step-reached")).as("every step after the first, each once")
						.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
					await().atMost(Duration.ofSeconds(5)).until(() -> haproxy.weight("shop", "green") == 256);
					assertThat(backends.count(haproxy.frontendUrl(), 20)).containsOnlyKeys("v2");

					Calls.Reply rolling = scene.act(scene.engineer, id, "rollback", Map.of("reason", "basket errors"));
					assertThat(rolling.body()).as("%s", rolling).containsEntry("status", "ROLLING_BACK");
					await().atMost(Duration.ofSeconds(15)).until(() -> row(database, id).step() <= 5);
					second.kill();
				}
				assertNothingMovesWhileNoInstanceRuns(database, id, "ROLLING_BACK");

				try (ServiceProcess third = start(database, port)) {
					scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(20));
					assertThat(stepsOf(scene, "release.stepped-back")).as("every step back after the first, each once")
						.containsExactly(7, 6, 5, 4, 3, 2, 1, 0);
					assertThat(scene.audit("release.rollback-started")).hasSize(1);
					assertThat(scene.audit("release.rolled-back")).hasSize(1);
					// the first split by hand, one per step forward and one per step back
					assertThat(scene.audit("traffic.shifted")).hasSize(1 + WEIGHTS.length + WEIGHTS.length);
					await().atMost(Duration.ofSeconds(5)).until(() -> haproxy.weight("shop", "green") == 0);
					assertThat(backends.count(haproxy.frontendUrl(), 20)).containsOnlyKeys("v1");
				}
			}
		}
	}

	private static ServiceProcess start(TestDatabase.Extra database, int port) throws Exception {
		return ServiceProcess.start(database.url(), database.user(), database.password(), port);
	}

	/**
	 * With the only instance dead, the release stays where it was for several pauses: no
	 * other conductor sees this database.
	 */
	private static void assertNothingMovesWhileNoInstanceRuns(TestDatabase.Extra database, String id, String status)
			throws SQLException {
		Row killedAt = row(database, id);
		assertThat(killedAt.status()).isEqualTo(status);
		await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
		assertThat(row(database, id)).isEqualTo(killedAt);
	}

	private static List<Object> stepsOf(CanaryScene scene, String action) {
		return scene.audit(action).stream().map(e -> (Object) ((Map<?, ?>) e.get("after")).get("step")).toList();
	}

	private record Row(String status, int step) {
	}

	private static Row row(TestDatabase.Extra database, String id) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
					.prepareStatement("select status, current_step from releases where id = ?")) {
			query.setObject(1, UUID.fromString(id));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return new Row(rs.getString(1), rs.getInt(2));
			}
		}
	}

}
