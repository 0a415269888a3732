package org.releasegate.releases;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.get;

/**
 * Reading a release through the REST API changes nothing and calls neither the load
 * balancer nor Prometheus: the in-memory load balancer counts its calls, and Prometheus
 * is a counting HTTP server. (The page and its poll read the same
 * {@code ReleaseService.get}; ReleasePageTest shows they never settle.)
 */
@FullStackTest
class ReadsChangeNothingIT {

	private static final int READS = 40;

	@Autowired
	Api api;

	private HttpServer prometheus;

	private final String lb = Api.unique("lb");

	private final AtomicInteger prometheusCalls = new AtomicInteger();

	private CanaryScene scene;

	@BeforeEach
	void countingLoadBalancerAndPrometheus() throws IOException {
		InMemoryLoadBalancer.create(lb, Map.of("blue", 100.0, "green", 0.0));
		prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		prometheus.createContext("/api/v1/query", exchange -> {
			prometheusCalls.incrementAndGet();
			byte[] body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"0.001\"]}]}}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		prometheus.start();
		scene = new CanaryScene(api, "blue", "green");
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		Reply gates = scene
			.gates(Map.of("prometheus", Map.of("url", "http://127.0.0.1:" + prometheus.getAddress().getPort(), "query",
					"error_ratio{version=\"{version}\"}", "threshold", 0.05, "comparison", "BELOW")));
		assertThat(gates.status()).as("%s", gates).isEqualTo(200);
	}

	@AfterEach
	void stop() {
		prometheus.stop(0);
	}

	@Test
	void readingARunningReleaseChangesNothingAndCallsNoOtherSystem() throws Exception {
		String id = scene.approved(CanaryScene.canary(10, "PT1H", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		// paused: neither the conductor nor the settler has a reason to ask Prometheus
		assertThat(scene.act(scene.engineer, id, "pause", null).body()).containsEntry("status", "PAUSED");
		await().atMost(Duration.ofSeconds(5)).until(() -> InMemoryLoadBalancer.get(lb).shares().get("green") == 10.0);
		Map<String, Object> before = scene.read(id).body();
		int auditBefore = scene.audit("release.approved").size() + scene.audit("traffic.shifted").size();

		// the reconciler keeps reading the load balancer on its own: measured idle first
		int lbIdleStart = InMemoryLoadBalancer.get(lb).calls();
		long idle = timed(() -> Thread.sleep(1000));
		int lbIdle = InMemoryLoadBalancer.get(lb).calls() - lbIdleStart;

		int lbStart = InMemoryLoadBalancer.get(lb).calls();
		int prometheusStart = prometheusCalls.get();
		long reading = timed(() -> {
			for (int i = 0; i < READS; i++) {
				assertThat(scene.read(id).status()).isEqualTo(200);
				assertThat(get(scene.owner.client(), "/api/v1/releases/{id}", id).status()).isEqualTo(200);
			}
		});
		int lbDuringReads = InMemoryLoadBalancer.get(lb).calls() - lbStart;

		assertThat(prometheusCalls.get() - prometheusStart).as("Prometheus requests made by %d reads", 2 * READS)
			.isZero();
		// one load-balancer call per read would be 80; the reconciler alone makes about
		// as many per second as it did idle
		double perSecondIdle = lbIdle * 1000.0 / idle;
		assertThat((double) lbDuringReads)
			.as("load-balancer requests during %d ms of reads (idle: %d in %d ms)", reading, lbIdle, idle)
			.isLessThanOrEqualTo(perSecondIdle * reading / 1000.0 + 3);
		Map<String, Object> after = scene.read(id).body();
		assertThat(after.get("status")).isEqualTo(before.get("status"));
		assertThat(after.get("revision")).isEqualTo(before.get("revision"));
		assertThat(after.get("gateResults")).isEqualTo(before.get("gateResults"));
		assertThat(scene.audit("release.approved").size() + scene.audit("traffic.shifted").size())
			.isEqualTo(auditBefore);
	}

	private static long timed(Step step) throws Exception {
		long start = System.nanoTime();
		step.run();
		return Math.max(1, Duration.ofNanos(System.nanoTime() - start).toMillis());
	}

	interface Step {

		void run() throws Exception;

	}

}
