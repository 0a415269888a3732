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

		Map<String, Object> audit = api.admin()
			.get()
			.uri("/api/v1/audit?application={app}&action=deployment.recorded", app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<?>) audit.get("items")).hasSize(1);
	}

}
