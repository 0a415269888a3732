package org.releasegate.releases;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scraping a metrics endpoint the test controls drives a release's
 * gate: it holds while the candidate's error ratio is low, and rolls the release back
 * once the ratio rises.
 */
@FullStackTest
class PrometheusGateIT {

	@Autowired
	Api api;

	private volatile double errorRatio = 0.001;

	@Test
	void aPrometheusGatePassesThenFailsAndRollsBack() throws Exception {
		PrometheusProcess.assumeInstalled();
		HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		metrics.createContext("/metrics", exchange -> {
			byte[] body = ("# TYPE candidate_error_ratio gauge\ncandidate_error_ratio{version=\"2.0.0\"} " + errorRatio
					+ "\n")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		metrics.start();
		try (PrometheusProcess prometheus = PrometheusProcess.start("127.0.0.1:" + metrics.getAddress().getPort())) {
			String query = "candidate_error_ratio{version=\"{version}\"}";
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> prometheus.hasSample("candidate_error_ratio"));

			String lb = Api.unique("lb");
			String v1 = Api.unique("v1");
			String v2 = Api.unique("v2");
			InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
			CanaryScene scene = new CanaryScene(api, v1, v2);
			scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
			Reply gates = scene.gates(Map.of("prometheus",
					Map.of("url", prometheus.url(), "query", query, "threshold", 0.05, "comparison", "BELOW"),
					"failuresToRollBack", 2));
			assertThat(gates.status()).as("%s", gates).isEqualTo(200);

			String id = scene.approved(CanaryScene.canary(10, "PT0.3S", false, 50, "PT1H", false, 100, "PT0S", false));
			// the same query answers the checklist's normal-behaviour item
			Reply approved = scene.read(id);
			assertThat(approved.item("normal-behaviour")).containsEntry("status", "PASSED");
			assertThat((String) approved.item("normal-behaviour").get("evidence")).contains("= 0.001");
			scene.act(scene.engineer, id, "start", null);
			Reply atFifty = scene.awaitStep(id, 1, Duration.ofSeconds(10));
			assertThat(atFifty.list("gateResults")).isNotEmpty()
				.allSatisfy(r -> assertThat(r).containsEntry("passed", true));
			assertThat((String) atFifty.list("gateResults").get(0).get("evidence"))
				.contains("candidate_error_ratio{version=\"2.0.0\"}' = 0.001");

			errorRatio = 0.3;
			Reply rolledBack = scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(15));
			assertThat(rolledBack.body()).containsEntry("decidedBy", "system");
			List<Map<String, Object>> results = rolledBack.list("gateResults");
			assertThat(results.get(0)).containsEntry("passed", false);
			assertThat((String) results.get(0).get("evidence")).contains("= 0.3 (BELOW 0.05): FAILED");
			assertThat(InMemoryLoadBalancer.get(lb).shares()).containsEntry(v2, 0.0);
		}
		finally {
			metrics.stop(0);
		}
	}

}
