package org.releasegate.deployments;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class DeploymentApiIT {

	@Autowired
	Api api;

	@Test
	void recordingIsSafeToRetryAndNeverMovesTraffic() {
		Api.Person ci = api.person("ENGINEER");
		String app = api.application();
		Map<String, Object> body = Map.of("application", app, "environment", "production", "version", "1.4.2",
				"artifact", "registry.example.com/checkout@sha256:abc", "commit", "9f2c1e7", "pipelineUrl",
				"https://ci.example.com/runs/1", "endpoint", "checkout-v142");

		Map<String, Object> first = ci.client()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(first).containsEntry("state", "RUNNING")
			.containsEntry("trafficPercent", 0)
			.containsEntry("recordedBy", ci.username());

		Map<String, Object> replay = ci.client()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(replay).isEqualTo(first);

		Map<String, Object> different = new java.util.HashMap<>(body);
		different.put("commit", "0000000");
		ci.client()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(different)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(api.auditEvents("application={app}&action=deployment.recorded", app)).hasSize(1);
	}

	@Test
	void listingIsNewestFirstWithKeysetPaging() {
		String app = api.application();
		for (int i = 1; i <= 5; i++) {
			api.deployment(app, "staging", "1.0." + i, "app-v" + i);
		}
		List<String> versions = new java.util.ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Map<String, Object> page = api.admin()
				.get()
				.uri("/api/v1/deployments?application={app}&environment=staging&limit=2"
						+ (cursor == null ? "" : "&cursor=" + cursor), app)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Api.JSON)
				.returnResult()
				.getResponseBody();
			((List<?>) page.get("items")).forEach(item -> versions.add((String) ((Map<?, ?>) item).get("version")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(versions).containsExactly("1.0.5", "1.0.4", "1.0.3", "1.0.2", "1.0.1");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void retiringIsRecordedOnceAndAudited() {
		String app = api.application();
		String id = (String) api.deployment(app, "production", "2.0.0", "app-v2").get("id");
		Api.Person engineer = api.person("ENGINEER");
		engineer.client()
			.post()
			.uri("/api/v1/deployments/{id}/retire", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.value(body -> assertThat(body).containsEntry("state", "RETIRED")
				.containsEntry("retiredBy", engineer.username()));
		engineer.client().post().uri("/api/v1/deployments/{id}/retire", id).exchange().expectStatus().isEqualTo(409);
		assertThat(api.auditEvents("subjectId={id}&action=deployment.retired", id)).hasSize(1);
	}

	@Test
	void onlyEngineersManagersAndAdminsRecordDeploymentsAndAuditorsReadTheAudit() {
		String app = api.application();
		Api.Person owner = api.person("PRODUCT_OWNER");
		owner.client()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", app, "environment", "production", "version", "1.0.0", "endpoint", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
		owner.client().get().uri("/api/v1/audit").exchange().expectStatus().isForbidden();
		api.person("AUDITOR")
			.client()
			.get()
			.uri("/api/v1/audit?application={app}", app)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void concurrentRetriesOfTheSameDeploymentRecordItOnce() throws Exception {
		String app = api.application();
		Api.Person ci = api.person("ENGINEER");
		Map<String, Object> body = Map.of("application", app, "environment", "production", "version", "3.0.0",
				"endpoint", "app-v3");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			statuses.add(pool.submit(() -> ci.client()
				.post()
				.uri("/api/v1/deployments")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value()));
		}
		List<Integer> codes = new java.util.ArrayList<>();
		for (java.util.concurrent.Future<Integer> status : statuses) {
			codes.add(status.get());
		}
		pool.shutdown();
		assertThat(codes).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(api.auditEvents("application={app}&action=deployment.recorded", app)).hasSize(1);
	}

	@Test
	void healthReportsAreKeptAndAudited() {
		String app = api.application();
		String id = (String) api.deployment(app, "production", "4.0.0", "app-v4").get("id");
		Api.Person monitor = api.person("ENGINEER");
		monitor.client()
			.post()
			.uri("/api/v1/deployments/{id}/health", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "FAILING", "detail", "error ratio 12%"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.value(body -> assertThat(body).containsEntry("health", "FAILING")
				.containsEntry("healthDetail", "error ratio 12%")
				.containsKey("healthReportedAt"));
		monitor.client()
			.post()
			.uri("/api/v1/deployments/{id}/health", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "SOMEWHAT_OK"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value(problem -> assertThat(problem).contains("status"));
		assertThat(api.auditEvents("subjectId={id}&action=deployment.health-reported", id)).hasSize(1);
	}

}
