package org.releasegate.releases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.ServiceProcess;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.VersionBackends;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second ReleaseGate, a separate JVM running the packaged jar, conducts a canary beside
 * the test's instance and is killed with SIGKILL mid-canary, possibly inside a
 * transaction holding a release's row lock. The release goes on from its stored step:
 * every step is applied exactly once and HAProxy ends at the candidate.
 */
@FullStackTest
class KillRestartIT {

	@Autowired
	Api api;

	@Test
	void aKilledInstanceNeitherRepeatsNorSkipsASteps() throws Exception {
		HaproxyProcess.assumeInstalled();
		ServiceProcess.assumePackaged();
		try (VersionBackends backends = new VersionBackends();
				HaproxyProcess haproxy = HaproxyProcess.start("shop",
						"server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
						"server green 127.0.0.1:" + backends.start("v2") + " weight 0")) {
			CanaryScene scene = new CanaryScene(api, "blue", "green");
			scene.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
			int[] weights = { 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
			Object[] steps = new Object[weights.length * 3];
			for (int i = 0; i < weights.length; i++) {
				steps[i * 3] = weights[i];
				steps[i * 3 + 1] = "PT0.4S";
				steps[i * 3 + 2] = false;
			}
			String id = scene.approved(CanaryScene.canary(steps));

			try (ServiceProcess other = ServiceProcess.onTestDatabase()) {
				scene.act(scene.engineer, id, "start", null);
				scene.awaitStep(id, 4, Duration.ofSeconds(15));
				other.kill();
			}
			scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(20));
			List<Object> reached = scene.audit("release.step-reached")
				.stream()
				.map(e -> (Object) ((Map<?, ?>) e.get("after")).get("step"))
				.toList();
			assertThat(reached).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
			assertThat(scene.audit("traffic.shifted")).hasSize(1 + weights.length);
			await().atMost(Duration.ofSeconds(5)).until(() -> haproxy.weight("shop", "green") == 256);
			assertThat(backends.count(haproxy.frontendUrl(), 20)).containsOnlyKeys("v2");
		}
	}

}
