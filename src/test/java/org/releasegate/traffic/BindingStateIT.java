package org.releasegate.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.traffic.TrafficControl.SplitChange;
import org.releasegate.traffic.TrafficControl.Sync;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What pages read of the traffic module: a binding's state as the reconciler left it, and
 * the history of desired splits over a period.
 */
@FullStackTest
class BindingStateIT {

	@Autowired
	Api api;

	@Autowired
	TrafficControl traffic;

	@Test
	void theStateFollowsTheLoadBalancerThroughDriftAndOutage() {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a");
		api.deployment(app, "production", "2.0", "b");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a", 1.0, "b", 0.0));
		InMemoryLoadBalancer.Balancer balancer = InMemoryLoadBalancer.get(lb);
		assertThat(traffic.bindingState(app, "production")).as("no binding yet").isEmpty();
		TrafficClient client = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");
		client.bind(Map.of("connection", "memory", "settings", Map.of("name", lb), "driftPolicy", "REPORT"));
		await().atMost(Duration.ofSeconds(5)).until(() -> sync(app) == Sync.IN_SYNC);
		assertThat(traffic.bindingState(app, "production").orElseThrow().adapter()).isEqualTo("memory");

		balancer.setByHand("b", 1.0);
		await().atMost(Duration.ofSeconds(5)).until(() -> sync(app) == Sync.DRIFTED);
		Instant since = traffic.bindingState(app, "production").orElseThrow().driftSince();
		assertThat(since).isNotNull();

		balancer.down(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> sync(app) == Sync.FAILING);
		assertThat(traffic.bindingState(app, "production").orElseThrow().lastError())
			.isEqualTo("the load balancer could not be reached");

		balancer.down(false);
		balancer.setByHand("b", 0.0);
		await().atMost(Duration.ofSeconds(5)).until(() -> sync(app) == Sync.IN_SYNC);
		assertThat(traffic.bindingState(app, "production").orElseThrow().driftSince()).isNull();
	}

	@Test
	void theHistoryStartsWithTheSplitInForceAndEndsAtTheGivenTime() throws Exception {
		String app = api.application();
		UUID v1 = UUID.fromString((String) api.deployment(app, "production", "1.0", "a").get("id"));
		UUID v2 = UUID.fromString((String) api.deployment(app, "production", "2.0", "b").get("id"));
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a", 1.0, "b", 0.0));
		TrafficClient client = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");
		client.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		client.split(Map.of("1.0", 100));
		Thread.sleep(20);
		Instant from = Instant.now();
		Thread.sleep(20);
		client.split(Map.of("1.0", 90, "2.0", 10));
		client.split(Map.of("1.0", 50, "2.0", 50));
		Thread.sleep(20);
		Instant to = Instant.now();
		Thread.sleep(20);
		client.split(Map.of("2.0", 100));

		List<SplitChange> history = traffic.splitHistory(app, "production", from, to);
		assertThat(history).extracting(change -> change.split().percentOf(v2)).containsExactly(0, 10, 50);
		assertThat(history).extracting(change -> change.split().percentOf(v1)).containsExactly(100, 90, 50);
		assertThat(history.get(0).at()).isBefore(from);
		assertThat(history.get(1).reason()).isEqualTo("test");
		assertThat(history.get(1).actor()).startsWith("user-");
		assertThat(traffic.splitHistory(app, "staging", from, to)).isEmpty();
	}

	private Sync sync(String app) {
		return traffic.bindingState(app, "production").map(TrafficControl.BindingState::sync).orElse(null);
	}

}
