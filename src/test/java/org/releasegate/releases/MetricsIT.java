package org.releasegate.releases;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.metrics.MonitoringFiles;
import org.releasegate.metrics.Scrape;
import org.releasegate.releases.Calls.Reply;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.put;

/**
 * A release and a rollback through the whole service, then what
 * {@code /actuator/prometheus} says about them. The context is shared: the test compares
 * with a scrape taken before.
 */
@FullStackTest
class MetricsIT {

	@Autowired
	Api api;

	Scrape scrape() {
		return new Scrape(api.anonymous()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	@Test
	void aReleaseAndARollbackShowInTheMetrics() throws Exception {
		String lb = Api.unique("lb");
		String v1 = Api.unique("v1");
		String v2 = Api.unique("v2");
		InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
		InMemoryLoadBalancer.Balancer balancer = InMemoryLoadBalancer.get(lb);
		CanaryScene scene = new CanaryScene(api, v1, v2);
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		Scrape before = scrape();

		String id = scene.approved(CanaryScene.canary(10, "PT0.5S", false, 100, "PT0S", false));
		assertThat(scene.act(scene.engineer, id, "start", null).status()).isEqualTo(200);
		scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(10));
		Reply rolledBack = scene.act(scene.engineer, id, "rollback", Map.of("reason", "checkout errors"));
		assertThat(rolledBack.body()).as("%s", rolledBack).containsEntry("status", "ROLLED_BACK");
		await().atMost(Duration.ofSeconds(5)).until(() -> balancer.shares().getOrDefault(v2, 0.0) == 0.0);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Scrape after = scrape();
			assertThat(delta(before, after, "releasegate_release_rollbacks_total", "cause", "person")).isEqualTo(1.0);
			assertThat(delta(before, after, "releasegate_release_approval_wait_seconds_count"))
				.isGreaterThanOrEqualTo(1);
			assertThat(delta(before, after, "releasegate_release_step_duration_seconds_count", "step", "0"))
				.isGreaterThanOrEqualTo(1);
			// step 0 lasts its pause of 0.5 s at least
			assertThat(delta(before, after, "releasegate_release_step_duration_seconds_sum", "step", "0"))
				.isGreaterThanOrEqualTo(0.5);
			assertThat(delta(before, after, "releasegate_traffic_rollback_latency_seconds_count"))
				.isGreaterThanOrEqualTo(1);
			assertThat(delta(before, after, "releasegate_releases", "status", "ROLLED_BACK")).isGreaterThanOrEqualTo(1);
			assertThat(after.value("releasegate_audit_chain_valid")).isBetween(-1.0, 1.0);
		});

		// the load balancer goes down and a shift cannot be pushed
		balancer.down(true);
		try {
			Reply shifted = put(scene.manager.client(), "/api/v1/applications/{app}/environments/production/traffic",
					Map.of("split", Map.of("1.0.0", 50, "2.0.0", 50), "reason", "a test shift"), scene.app);
			assertThat(shifted.status()).as("%s", shifted).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				Scrape failing = scrape();
				assertThat(delta(before, failing, "releasegate_traffic_push_errors_total")).isGreaterThanOrEqualTo(1);
				assertThat(failing.value("releasegate_traffic_bindings_troubled", "state", "failing"))
					.isGreaterThanOrEqualTo(1);
			});
		}
		finally {
			balancer.down(false);
		}

		// every series the dashboard and the alert rules read is one the service exposes
		Set<String> exposed = scrape().names();
		Set<String> used = MonitoringFiles.metricsIn(MonitoringFiles.DASHBOARD);
		used.addAll(MonitoringFiles.metricsIn(MonitoringFiles.ALERTS));
		assertThat(exposed).containsAll(used);
		assertThat(used.stream().filter(n -> n.startsWith("releasegate_")).collect(Collectors.toSet()))
			.hasSize(used.size());
	}

	private static double delta(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
