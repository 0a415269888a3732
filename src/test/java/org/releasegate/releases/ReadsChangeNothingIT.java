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
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.get;

/**
 * Reading a release through the REST API changes nothing and calls neither the load
 * balancer nor Prometheus: both are counting HTTP servers here, a webhook load balancer
 * and a Prometheus query endpoint. (The page and its poll read the same
 * {@code ReleaseService.get}; ReleasePageTest shows they never settle.)
 */
@FullStackTest
class ReadsChangeNothingIT {

	private static final int READS = 40;

	@Autowired
	Api api;

	private HttpServer loadBalancer;

	private HttpServer prometheus;

	private final AtomicInteger loadBalancerCalls = new AtomicInteger();

	private final AtomicInteger prometheusCalls = new AtomicInteger();

	private volatile byte[] split = "{\"members\": {\"blue\": 100, \"green\": 0}}".getBytes(StandardCharsets.UTF_8);

	private CanaryScene scene;

	@BeforeEach
	void countingLoadBalancerAndPrometheus() throws IOException {
		loadBalancer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		loadBalancer.createContext("/split", exchange -> {
			loadBalancerCalls.incrementAndGet();
			if ("POST".equals(exchange.getRequestMethod())) {
				split = exchange.getRequestBody().readAllBytes();
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, split.length);
				exchange.getResponseBody().write(split);
			}
			exchange.close();
		});
		loadBalancer.start();
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
		scene.bind(Map.of("adapter", "webhook", "settings",
				Map.of("url", "http://127.0.0.1:" + loadBalancer.getAddress().getPort() + "/split", "secret",
						"a-webhook-secret-of-some-length")));
		Reply gates = scene
			.gates(Map.of("prometheus", Map.of("url", "http://127.0.0.1:" + prometheus.getAddress().getPort(), "query",
					"error_ratio{version=\"{version}\"}", "threshold", 0.05, "comparison", "BELOW")));
		assertThat(gates.status()).as("%s", gates).isEqualTo(200);
	}

	@AfterEach
	void stop() {
		loadBalancer.stop(0);
		prometheus.stop(0);
	}

	@Test
	void readingARunningReleaseChangesNothingAndCallsNoOtherSystem() throws Exception {
		String id = scene.approved(CanaryScene.canary(10, "PT1H", false, 50, "PT1H", false, 100, "PT0S", false));
		scene.act(scene.engineer, id, "start", null);
		// paused: neither the conductor nor the settler has a reason to ask Prometheus
		assertThat(scene.act(scene.engineer, id, "pause", null).body()).containsEntry("status", "PAUSED");
		await().atMost(Duration.ofSeconds(5)).until(() -> new String(split).contains("\"green\":10"));
		Map<String, Object> before = scene.read(id).body();
		int auditBefore = scene.audit("release.approved").size() + scene.audit("traffic.shifted").size();

		// the reconciler keeps reading the load balancer on its own: measured idle first
		int lbIdleStart = loadBalancerCalls.get();
		long idle = timed(() -> Thread.sleep(1000));
		int lbIdle = loadBalancerCalls.get() - lbIdleStart;

		int lbStart = loadBalancerCalls.get();
		int prometheusStart = prometheusCalls.get();
		long reading = timed(() -> {
			for (int i = 0; i < READS; i++) {
				assertThat(scene.read(id).status()).isEqualTo(200);
				assertThat(get(scene.owner.client(), "/api/v1/releases/{id}", id).status()).isEqualTo(200);
			}
		});
		int lbDuringReads = loadBalancerCalls.get() - lbStart;

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
