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
 * instance stops mid-canary and a fresh one joins, and so is each step of a gradual
 * rollback.
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
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		int[] weights = { 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
		Object[] steps = steps(weights, "PT0.3S");
		String id = scene.approved(CanaryScene.canary(steps));

		ConfigurableApplicationContext second = instance();
		try {
			scene.act(scene.engineer, id, "start", null);
			scene.awaitStep(id, 4, Duration.ofSeconds(30));
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

	@Test
	void eachStepBackOfAGradualRollbackIsAppliedExactlyOnceAcrossInstances() {
		String lb = Api.unique("lb");
		String v1 = Api.unique("v1");
		String v2 = Api.unique("v2");
		InMemoryLoadBalancer.create(lb, Map.of(v1, 100.0, v2, 0.0));
		CanaryScene scene = new CanaryScene(api, v1, v2);
		scene.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		int[] weights = { 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
		Object[] steps = steps(weights, "PT1H");
		Map<String, Object> strategy = new java.util.HashMap<>(CanaryScene.canary(steps));
		strategy.put("rollback", Map.of("mode", "GRADUAL", "stepPause", "PT0.3S"));
		String id = scene.approved(strategy);
		scene.act(scene.engineer, id, "start", null);
		for (int i = 1; i < weights.length; i++) {
			scene.act(scene.engineer, id, "promote", null);
		}
		assertThat(scene.read(id).get("status")).isEqualTo("COMPLETED");
		int shiftsBefore = scene.audit("traffic.shifted").size();

		ConfigurableApplicationContext second = instance();
		try {
			Calls.Reply rolling = scene.act(scene.engineer, id, "rollback", Map.of("reason", "errors"));
			assertThat(rolling.body()).as("%s", rolling).containsEntry("candidatePercent", 90);
			scene.awaitStatus(id, "ROLLED_BACK", Duration.ofSeconds(15));
		}
		finally {
			second.close();
		}
		assertThat(scene.audit("release.stepped-back"))
			.extracting(e -> (Object) ((Map<?, ?>) e.get("after")).get("step"))
			.as("every step back after the first, each once, in order")
			.containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
		assertThat(scene.audit("release.rollback-started")).hasSize(1);
		assertThat(scene.audit("release.rolled-back")).hasSize(1);
		assertThat(scene.audit("traffic.shifted")).hasSize(shiftsBefore + weights.length);
		assertThat(InMemoryLoadBalancer.get(lb).shares()).containsEntry(v2, 0.0);
	}

	private static ConfigurableApplicationContext instance() {
		// the datasource comes from the system properties TestDatabase set for this run
		return new SpringApplicationBuilder(ReleaseGateApplication.class, InMemoryLoadBalancer.class)
			.properties(org.releasegate.TestConnections.instanceProperties("server.port=0",
					"releasegate.traffic.reconcile-interval=200ms", "releasegate.releases.conduct-every=50ms",
					"releasegate.releases.gate-every=200ms",
					"releasegate.identity.admin-password=" + Api.ADMIN_PASSWORD, "spring.jmx.enabled=false"))
			.run();
	}

	/**
	 * Canary steps of the given weights, each with the same pause and no confirmation.
	 */
	private static Object[] steps(int[] weights, String pause) {
		Object[] steps = new Object[weights.length * 3];
		for (int i = 0; i < weights.length; i++) {
			steps[i * 3] = weights[i];
			steps[i * 3 + 1] = pause;
			steps[i * 3 + 2] = false;
		}
		return steps;
	}

}
