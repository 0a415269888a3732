package org.releasegate.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class IdentityApiIT {

	@Autowired
	Api api;

	@Test
	void aTokenIsShownOnceStoredHashedAndStopsWorkingWhenRevoked() {
		Api.Person engineer = api.person("ENGINEER");

		List<Map<String, Object>> listed = engineer.client()
			.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0)).doesNotContainKey("token").containsEntry("roles", List.of("ENGINEER"));
		assertThat(engineer.token()).startsWith((String) listed.get(0).get("prefix"));

		engineer.client()
			.delete()
			.uri("/api/v1/tokens/{id}", listed.get(0).get("id"))
			.exchange()
			.expectStatus()
			.isNoContent();
		engineer.client().get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void missingOrWrongCredentialsAre401WithAProblem() {
		api.anonymous()
			.get()
			.uri("/api/v1/applications")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		api.basic("admin", "wrong-password")
			.get()
			.uri("/api/v1/applications")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		api.bearer("rg_not-a-real-token").get().uri("/api/v1/applications").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void onlyAnAdminCreatesUsers() {
		Api.Person manager = api.person("RELEASE_MANAGER");
		manager.client()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", Api.unique("sneaky"), "password", "long-enough-password", "displayName", "Sneaky",
					"roles", List.of("ADMIN")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aTokenCannotCarryRolesItsOwnerLacks() {
		Api.Person engineer = api.person("ENGINEER");
		engineer.client()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "escalation", "roles", List.of("ADMIN")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aTokenLimitedToARoleCannotUseTheOwnersOtherRoles() {
		Api.Person both = api.person("ENGINEER", "RELEASE_MANAGER");
		String limited = (String) both.client()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "ci", "expiresInDays", 30, "roles", List.of("ENGINEER")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("token");
		api.bearer(limited)
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", Api.unique("app")))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void userCreationIsAuditedWithoutThePassword() {
		String username = Api.unique("audited");
		api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", "a-secret-password", "displayName", "Audited", "roles",
					List.of("AUDITOR")))
			.exchange()
			.expectStatus()
			.isCreated();
		String history = api.admin()
			.get()
			.uri("/api/v1/audit?action=identity.user-created&subjectId={name}", username)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(history).contains(username).contains("\"actor\":\"admin\"").doesNotContain("a-secret-password");
	}

}
