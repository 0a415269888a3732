package org.releasegate.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(failures(someone.username())).singleElement()
			.satisfies(event -> assertThat(event).containsEntry("actorKind", "ANONYMOUS")
				.containsEntry("actor", someone.username()));
	}

	@Test
	void anUnknownBearerTokenIsAuditedWithoutTheSecret() {
		String secret = Api.unique("rg").replace("-", "") + "0123456789abcdef";
		api.bearer(secret).get().uri("/api/v1/deployments").exchange().expectStatus().isUnauthorized();
		String prefix = "token " + secret.substring(0, 8);
		List<Map<String, Object>> failures = failures(prefix);
		assertThat(failures).singleElement().satisfies(event -> assertThat(event.toString()).doesNotContain(secret));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> failures(String subject) {
		Map<String, Object> page = api.admin()
			.get()
			.uri("/api/v1/audit?action=identity.sign-in-failed&subjectType=user&subjectId={subject}", subject)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

}
