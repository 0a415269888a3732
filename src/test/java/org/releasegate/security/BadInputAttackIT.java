package org.releasegate.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller learns nothing from a request their role may not make, and garbled filters,
 * cursors and names are answered with 400 naming the parameter, never 409 or 500.
 */
@FullStackTest
class BadInputAttackIT {

	@Autowired
	Api api;

	@Test
	void anAuditorPostingToUsersIsRefusedBeforeTheBodyIsRead() {
		Api.Person auditor = api.person("AUDITOR");
		String body = auditor.client()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("username").doesNotContain("password");
	}

	@Test
	void garbledFiltersAndCursorsAreBadRequestsNamingTheParameter() {
		String nul = "a\u0000b";
		for (String uri : new String[] { "/api/v1/audit?actor={v}", "/api/v1/audit?application={v}",
				"/api/v1/deployments?application={v}", "/api/v1/releases?application={v}" }) {
			String answer = api.admin()
				.get()
				.uri(uri, nul)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(answer).as(uri).contains("Parameter '");
		}
		String notOurs = Base64.getUrlEncoder().encodeToString("1:2:not-an-id".getBytes(StandardCharsets.UTF_8));
		for (String uri : new String[] { "/api/v1/audit?cursor={c}", "/api/v1/deployments?cursor={c}",
				"/api/v1/releases?cursor={c}" }) {
			for (String cursor : new String[] { notOurs, "%%%", "x".repeat(2000) }) {
				api.admin().get().uri(uri, cursor).exchange().expectStatus().isBadRequest();
			}
		}
		api.admin().get().uri("/api/v1/audit?from={v}", "yesterday").exchange().expectStatus().isBadRequest();
	}

	@Test
	void tokenNamesAndLifetimesHaveUpperBounds() {
		Api.Person engineer = api.person("ENGINEER");
		String tooLong = engineer.client()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "n".repeat(101), "expiresInDays", 1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(tooLong).contains("name");
		String forever = engineer.client()
			.post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "forever", "expiresInDays", 100_000))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(forever).contains("expiresInDays");
	}

}
