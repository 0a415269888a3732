package org.releasegate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients rely on without signing in. */
@FullStackTest
class OperationsIT {

	@Autowired
	Api api;

	@Test
	void healthIsUpWithProbes() {
		api.anonymous()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.value(health -> assertThat(health).containsEntry("status", "UP"));
		api.anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	@Test
	void theApiIsDescribedByOpenApiWithSwaggerUi() {
		String description = api.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(description).contains("\"/api/v1/deployments\"")
			.contains("\"/api/v1/applications\"")
			.contains("\"/api/v1/tokens\"")
			.contains("\"/api/v1/audit\"");
		api.anonymous().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusMetricsAreExposed() {
		String metrics = api.anonymous()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("jvm_memory_used_bytes");
	}

}
