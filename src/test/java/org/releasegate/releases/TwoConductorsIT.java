package org.releasegate.releases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.ReleaseGateApplication;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More ReleaseGate instances on one database (the shared test context and others started
 * here) conducting the same canary: each step is applied exactly once, also when an
 * instance stops mid-canary and a fresh one joins.
 */
@FullStackTest
class TwoConductorsIT {

	@Autowired
	Api api;

	@Test
	void eachStepIsAppliedExactlyOnceAcrossInstancesAndRestarts() {
		String lb = Api.unique("lb");
		String v1 = Api.unique("v1");
		String v2 = Api.unique("v2");
		InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
		CanaryScene scene = new CanaryScene(api, v1, v2);
		scene.bind(Map.of("adapter", "memory", "settings", Map.of("name", lb)));
		int[] weights = { 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
		Object[] steps = new Object[weights.length * 3];
		for (int i = 0; i < weights.length; i++) {
			steps[i * 3] = weights[i];
			steps[i * 3 + 1] = "PT0.3S";
			steps[i * 3 + 2] = false;
		}
		String id = scene.approved(CanaryScene.canary(steps));

		ConfigurableApplicationContext second = instance();
		try {
			scene.act(scene.engineer, id, "start", null);
			scene.awaitStep(id, 4, Duration.ofSeconds(10));
			// the second instance goes away mid-canary; a fresh one joins
			second.close();
			second = instance();
			Calls.Reply completed = scene.awaitStatus(id, "COMPLETED", Duration.ofSeconds(15));
			assertThat(completed.body()).containsEntry("currentStep", weights.length - 1);
		}
		finally {
			second.close();
		}
		List<Object> reached = scene.audit("release.step-reached")
			.stream()
			.map(e -> (Object) ((Map<?, ?>) e.get("after")).get("step"))
			.toList();
		assertThat(reached).as("every step after the first, each once, in order")
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		// the binding's first split, then one desired split per step
		assertThat(scene.audit("traffic.shifted")).hasSize(1 + weights.length);
		assertThat(scene.audit("release.completed")).hasSize(1);
		assertThat(InMemoryLoadBalancer.get(lb).shares()).containsEntry(v2, 100.0);
	}

	private static ConfigurableApplicationContext instance() {
		// the datasource comes from the system properties TestDatabase set for this run
		return new SpringApplicationBuilder(ReleaseGateApplication.class, InMemoryLoadBalancer.class)
			.properties("server.port=0", "releasegate.traffic.reconcile-interval=200ms",
					"releasegate.releases.conduct-every=50ms", "releasegate.releases.gate-every=200ms",
					"releasegate.identity.admin-password=" + Api.ADMIN_PASSWORD, "spring.jmx.enabled=false")
			.run();
	}

}
