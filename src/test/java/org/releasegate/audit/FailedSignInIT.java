package org.releasegate.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FullStackTest
class FailedSignInIT {

	@Autowired
	Api api;

	@Test
	void aWrongPasswordIsAudited() {
		Api.Person someone = api.person("ENGINEER");
		api.basic(someone.username(), "not-the-password")
			.get()
			.uri("/api/v1/deployments")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(failures("user", someone.username())).singleElement()
				.satisfies(event -> assertThat(event).containsEntry("actorKind", "ANONYMOUS")
					.containsEntry("actor", someone.username())
					.extractingByKey("after")
					.asString()
					.contains("attempts=1")));
	}

	@Test
	void anUnknownBearerTokenIsAuditedWithoutTheSecret() {
		String secret = Api.unique("rg").replace("-", "") + "0123456789abcdef";
		api.bearer(secret).get().uri("/api/v1/deployments").exchange().expectStatus().isUnauthorized();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(failures("token", "unknown token")).isNotEmpty()
				.allSatisfy(event -> assertThat(event.toString()).doesNotContain(secret.substring(0, 8))));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> failures(String type, String subject) {
		Map<String, Object> page = api.admin()
			.get()
			.uri("/api/v1/audit?action=identity.sign-in-failed&subjectType={type}&subjectId={subject}", type, subject)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

}
