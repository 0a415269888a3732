package org.releasegate.audit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.traffic.InMemoryLoadBalancer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every module's writes leave an audit event: one journey through applications,
 * deployments, traffic, policies, releases and identity, then a look at the history.
 */
@FullStackTest
class AuditCoverageIT {

	@Autowired
	Api api;

	@Test
	void everyKindOfWriteIsAudited() {
		Api.Person owner = api.person("PRODUCT_OWNER");
		Api.Person engineer = api.person("ENGINEER");
		Api.Person manager = api.person("RELEASE_MANAGER");
		String app = api.application(owner.username());
		String base = "/api/v1/applications/" + app + "/environments/production";
		call(api.admin().put().uri("/api/v1/applications/{app}", app),
				Map.of("displayName", "Renamed", "owners", List.of(owner.username())), 200);

		String v1 = (String) api.deployment(app, "production", "1.0.0", "m1").get("id");
		String v2 = (String) api.deployment(app, "production", "2.0.0", "m2").get("id");
		String v3 = (String) api.deployment(app, "production", "3.0.0", "m3").get("id");
		call(engineer.client().post().uri("/api/v1/deployments/{id}/health", v2), Map.of("status", "HEALTHY"), 200);
		call(engineer.client().post().uri("/api/v1/deployments/{id}/retire", v3), null, 200);

		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("m1", 100.0, "m2", 0.0));
		call(manager.client().put().uri(base + "/binding"),
				Map.of("connection", "memory", "settings", Map.of("name", lb)), 201);
		call(manager.client().put().uri(base + "/traffic"), Map.of("split", Map.of("2.0.0", 100)), 200);
		call(engineer.client().post().uri(base + "/rollback"), Map.of("reason", "checkout errors"), 200);
		call(manager.client().put().uri(base + "/policy"), Map.of("requiredApprovals", 1, "soakMinutes", 0), 200);

		String first = request(engineer, app);
		call(engineer.client().put().uri("/api/v1/releases/{id}/plan", first),
				Map.of("strategy", Map.of("type", "ALL_AT_ONCE"), "onCallContact", "erin"), 200);
		call(engineer.client().post().uri("/api/v1/releases/{id}/checklist/normal-behaviour", first),
				Map.of("action", "ATTEST", "comment", "dashboards normal"), 200);
		call(manager.client().post().uri("/api/v1/releases/{id}/checklist/soak", first),
				Map.of("action", "WAIVE", "comment", "hotfix"), 200);
		call(owner.client().post().uri("/api/v1/releases/{id}/approvals", first),
				Map.of("decision", "APPROVE", "comment", "ready"), 200);
		call(engineer.client().post().uri("/api/v1/releases/{id}/cancel", first), Map.of("reason", "not today"), 200);
		String second = request(engineer, app);
		call(owner.client().post().uri("/api/v1/releases/{id}/approvals", second),
				Map.of("decision", "REJECT", "comment", "copy is wrong"), 200);

		Set<String> actions = actions("application=" + app);
		assertThat(actions).contains("application.created", "application.updated", "deployment.recorded",
				"deployment.health-reported", "deployment.retired", "traffic.binding-created", "traffic.shifted",
				"traffic.rolled-back", "release-policy.changed", "release.requested", "release.plan-changed",
				"release.check-attested", "release.check-waived", "release.approval-given", "release.approved",
				"release.cancelled", "release.rejected");

		api.basic(engineer.username(), "not-the-password").get().uri("/api/v1/users/me").exchange();
		call(api.admin().put().uri("/api/v1/users/{name}/roles", engineer.username()),
				Map.of("roles", List.of("ENGINEER", "AUDITOR")), 200);
		String tokenId = (String) ((Map<?, ?>) engineer.client()
			.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()
			.get(0)).get("id");
		engineer.client().delete().uri("/api/v1/tokens/{id}", tokenId).exchange().expectStatus().isNoContent();

		// failed sign-ins are written collapsed, every 200 ms in the tests
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(actions("subjectId=" + engineer.username()))
				.contains("identity.user-created", "identity.roles-changed", "identity.sign-in-failed"));
		assertThat(actions("subjectId=" + tokenId)).contains("identity.token-created", "identity.token-revoked");
	}

	private String request(Api.Person engineer, String app) {
		return (String) call(engineer.client().post().uri("/api/v1/releases"),
				Map.of("application", app, "environment", "production", "candidateVersion", "2.0.0", "strategy",
						Map.of("type", "ALL_AT_ONCE"), "onCallContact", "erin", "summary", "audit coverage"),
				201)
			.get("id");
	}

	private Set<String> actions(String filter) {
		Set<String> actions = new HashSet<>();
		api.auditEvents(filter).forEach(event -> actions.add((String) event.get("action")));
		return actions;
	}

	private Map<String, Object> call(RestTestClient.RequestBodySpec request, Object body, int status) {
		RestTestClient.RequestBodySpec spec = request.contentType(MediaType.APPLICATION_JSON);
		if (body != null) {
			spec.body(body);
		}
		return spec.exchange().expectStatus().isEqualTo(status).expectBody(Api.JSON).returnResult().getResponseBody();
	}

}
