package org.releasegate.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Token lookups are cached for a few seconds; revoking a token must still end it at once.
 */
@FullStackTest
class TokenCacheIT {

	@Autowired
	Api api;

	@Test
	void aRevokedTokenIsRefusedAtOnceThoughItWasJustUsed() {
		Api.Person someone = api.person("ENGINEER");
		someone.client().get().uri("/api/v1/deployments").exchange().expectStatus().isOk();
		List<?> tokens = api.basic(someone.username(), someone.password())
			.get()
			.uri("/api/v1/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		Object id = ((Map<?, ?>) tokens.get(0)).get("id");
		api.basic(someone.username(), someone.password())
			.delete()
			.uri("/api/v1/tokens/{id}", id)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		someone.client().get().uri("/api/v1/deployments").exchange().expectStatus().isUnauthorized();
	}

}
