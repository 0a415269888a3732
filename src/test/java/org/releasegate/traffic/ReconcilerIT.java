package org.releasegate.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bindings, desired splits and the reconciler through the REST API, against the in-memory
 * load balancer (the reconciler runs every 200 ms in tests).
 */
@FullStackTest
class ReconcilerIT {

	@Autowired
	Api api;

	@Test
	void adoptingALiveLoadBalancerMovesNoTraffic() throws Exception {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a1, a2");
		api.deployment(app, "production", "2.0", "b");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a1", 30.0, "a2", 30.0, "b", 40.0, "stranger", 0.0));
		TrafficClient traffic = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");

		Map<String, Object> saved = traffic.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", lb)))
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();

		assertThat(saved).containsEntry("created", true)
			.containsEntry("adopted", Map.of("1.0", 60, "2.0", 40))
			.containsEntry("unmatchedMembers", Map.of("stranger", 0.0))
			.containsEntry("driftPolicy", "CORRECT");
		assertThat(deploymentPercent(app, "1.0")).isEqualTo(60);
		Thread.sleep(600);
		assertThat(InMemoryLoadBalancer.get(lb).applies()).as("nothing pushed after adoption").isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(traffic.traffic().get("inSync")));
		assertThat(traffic.traffic()).containsEntry("desired", Map.of("1.0", 60, "2.0", 40));
	}

	@Test
	void aSplitIsPushedAfterCommitAndKeptWhileTheLoadBalancerIsDown() {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a1,a2");
		api.deployment(app, "production", "2.0", "b");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a1", 1.0, "a2", 1.0, "b", 0.0));
		InMemoryLoadBalancer.Balancer balancer = InMemoryLoadBalancer.get(lb);
		TrafficClient traffic = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");
		traffic.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));

		Map<String, Object> after = traffic.split(Map.of("1.0", 75, "2.0", 25));
		assertThat(balancer.shares()).containsEntry("a1", 37.5).containsEntry("a2", 37.5).containsEntry("b", 25.0);
		assertThat(after).containsEntry("inSync", true).containsEntry("pendingChange", null);
		assertThat(deploymentPercent(app, "2.0")).isEqualTo(25);

		balancer.down(true);
		Map<String, Object> pending = traffic.split(Map.of("2.0", 100));
		assertThat(pending).containsEntry("inSync", false);
		assertThat(change(pending)).containsEntry("status", "PENDING").containsEntry("split", Map.of("2.0", 100));
		assertThat((String) change(pending).get("lastError")).isEqualTo("the load balancer could not be reached");
		await().atMost(Duration.ofSeconds(10)).until(() -> (Integer) change(traffic.traffic()).get("attempts") >= 3);
		assertThat(balancer.shares()).containsEntry("b", 25.0);

		balancer.down(false);
		await().atMost(Duration.ofSeconds(10)).until(() -> traffic.traffic().get("pendingChange") == null);
		assertThat(balancer.shares()).containsEntry("a1", 0.0).containsEntry("b", 100.0);
		assertThat(traffic.traffic()).containsEntry("inSync", true)
			.containsEntry("observed", Map.of("1.0", 0.0, "2.0", 100.0));
		assertThat(audit(app, "traffic.shifted")).hasSize(2);
	}

	@Test
	void driftIsCorrectedOrOnlyReportedAsTheBindingSays() {
		String app = api.application();
		api.deployment(app, "staging", "1.0", "a");
		api.deployment(app, "staging", "2.0", "b");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a", 100.0, "b", 0.0));
		InMemoryLoadBalancer.Balancer balancer = InMemoryLoadBalancer.get(lb);
		TrafficClient traffic = new TrafficClient(api.admin(), app, "staging");
		traffic.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));

		balancer.setByHand("b", 100.0);
		await().atMost(Duration.ofSeconds(10)).until(() -> balancer.shares().get("b") == 0.0);
		// the load balancer is changed inside the reconciler's transaction: its record
		// commits a moment later
		await().atMost(Duration.ofSeconds(5)).until(() -> !drift(traffic.traffic()).isEmpty());
		List<Map<String, Object>> drift = drift(traffic.traffic());
		assertThat(drift.get(0)).containsEntry("corrected", true)
			.containsEntry("observed", Map.of("a", 50.0, "b", 50.0));
		await().atMost(Duration.ofSeconds(5)).until(() -> drift(traffic.traffic()).get(0).get("resolvedAt") != null);

		traffic.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", lb), "driftPolicy", "REPORT"))
			.expectStatus()
			.isOk();
		balancer.setByHand("b", 100.0);
		await().atMost(Duration.ofSeconds(10)).until(() -> drift(traffic.traffic()).size() == 2);
		Map<String, Object> reported = traffic.traffic();
		assertThat(drift(reported).get(0)).containsEntry("corrected", false).containsEntry("resolvedAt", null);
		assertThat(reported).containsEntry("inSync", false).containsEntry("observed", Map.of("1.0", 50.0, "2.0", 50.0));
		assertThat(balancer.shares()).containsEntry("b", 50.0);
	}

	@Test
	void refusesWhatCannotWorkAndSaysWhy() {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a", 1.0));
		TrafficClient manager = new TrafficClient(api.person("RELEASE_MANAGER").client(), app, "production");

		assertBadInput(manager.saveBinding(Map.of("connection", "carrier-pigeon", "settings", Map.of())), "connection");
		assertBadInput(manager.saveBinding(Map.of("connection", "memory", "adapter", "memory")), "adapter");
		assertBadInput(
				manager.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", lb, "address", "x"))),
				"settings.address");
		assertBadInput(manager.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", "a b"))),
				"settings.name");
		assertUnprocessable(manager.saveBinding(Map.of("connection", "memory", "settings", Map.of())), "settings");
		Map<String, Object> unreachable = assertUnprocessable(
				manager.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", "nowhere"))), "settings");
		assertThat((String) unreachable.get("detail")).contains("cannot read the load balancer");
		manager.as(api.person("ENGINEER").client())
			.saveBinding(Map.of("connection", "memory", "settings", Map.of("name", lb)))
			.expectStatus()
			.isForbidden();
		manager.putSplit(Map.of("1.0", 100)).expectStatus().isNotFound();

		manager.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		assertUnprocessable(manager.putSplit(Map.of("1.0", 90)), "split");
		assertUnprocessable(manager.putSplit(Map.of("1.0", 50, "9.9", 50)), "split");
		manager.as(api.person("ENGINEER").client()).putSplit(Map.of("1.0", 100)).expectStatus().isForbidden();
		manager.rollback("nothing before").expectStatus().isEqualTo(409);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> change(Map<String, Object> traffic) {
		return (Map<String, Object>) traffic.get("pendingChange");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> drift(Map<String, Object> traffic) {
		return (List<Map<String, Object>>) traffic.get("drift");
	}

	private static void assertBadInput(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response,
			String field) {
		Map<String, Object> problem = response.expectStatus()
			.isBadRequest()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("errors").toString()).contains("field=" + field);
	}

	private static Map<String, Object> assertUnprocessable(
			org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response, String field) {
		Map<String, Object> problem = response.expectStatus()
			.isEqualTo(422)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem.get("errors").toString()).contains("field=" + field);
		return problem;
	}

	private int deploymentPercent(String app, String version) {
		Map<String, Object> page = api.admin()
			.get()
			.uri("/api/v1/deployments?application={app}", app)
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.filter(deployment -> version.equals(deployment.get("version")))
			.map(deployment -> (Integer) deployment.get("trafficPercent"))
			.findFirst()
			.orElseThrow();
	}

	private List<?> audit(String app, String action) {
		Map<String, Object> page = api.admin()
			.get()
			.uri("/api/v1/audit?application={app}&action={action}", app, action)
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return (List<?>) page.get("items");
	}

}
