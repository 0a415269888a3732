package org.releasegate.traffic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: runs only with {@code -Dbenchmark=true}
 * ({@code bench/rollback.sh}). Rolls back N times through the REST API against a real
 * HAProxy (each rollback flips all traffic to the other version) and measures from the
 * call until HAProxy's runtime API reports the new weights; beside it, the raw round trip
 * of the same {@code set weight} commands over the same admin socket, in the same run.
 */
@FullStackTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RollbackBenchmarkIT {

	@Autowired
	Api api;

	@Test
	void rollbackLatency() throws Exception {
		HaproxyProcess.assumeInstalled();
		int rollbacks = Integer.getInteger("benchmark.rollbacks", 200);
		try (VersionBackends backends = new VersionBackends();
				HaproxyProcess haproxy = HaproxyProcess.start("shop",
						"server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
						"server green 127.0.0.1:" + backends.start("v2") + " weight 0")) {
			String app = api.application();
			api.deployment(app, "production", "1.0.0", "blue");
			api.deployment(app, "production", "2.0.0", "green");
			TrafficClient traffic = new TrafficClient(api.person("ENGINEER", "RELEASE_MANAGER").client(), app,
					"production");
			traffic.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
			traffic.split(Map.of("2.0.0", 100));

			List<Long> rollback = new ArrayList<>();
			List<Long> raw = new ArrayList<>();
			for (int i = 0; i < rollbacks + 20; i++) {
				String expectedBlue = i % 2 == 0 ? "256" : "0";
				long start = System.nanoTime();
				traffic.rollback("benchmark " + i).expectStatus().isOk();
				while (!haproxy.command("get weight shop/blue").startsWith(expectedBlue + " ")) {
					Thread.onSpinWait();
				}
				long rolledBack = System.nanoTime() - start;
				String same = "set weight shop/blue " + expectedBlue + ";set weight shop/green "
						+ (i % 2 == 0 ? "0" : "256");
				start = System.nanoTime();
				assertThat(haproxy.command(same)).isBlank();
				long rawTrip = System.nanoTime() - start;
				if (i >= 20) {
					// the first 20 warm up the JIT and connection pools
					rollback.add(rolledBack);
					raw.add(rawTrip);
				}
			}
			String report = """
					Rollback benchmark: %d rollbacks through REST against HAProxy %s (after 20 warm-up)
					  rollback, call -> HAProxy reports new weights: p50 %.2f ms, p99 %.2f ms, max %.2f ms
					  raw 'set weight' x2 over the same admin socket: p50 %.3f ms, p99 %.3f ms
					  ratio p50 %.0fx, p99 %.0fx; budget p99 < 50 ms: %s
					""".formatted(rollbacks, haproxy.unixAddress(), ms(rollback, 50), ms(rollback, 99),
					ms(rollback, 100), ms(raw, 50), ms(raw, 99), ms(rollback, 50) / ms(raw, 50),
					ms(rollback, 99) / ms(raw, 99), ms(rollback, 99) < 50 ? "met" : "NOT met");
			System.out.println(report);
			write(report);
		}
	}

	private static double ms(List<Long> nanos, int percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1_000_000.0;
	}

	private static void write(String report) throws IOException {
		Path out = Path.of("target", "benchmark-rollback.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

}
