package org.releasegate.traffic.adapter.pull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class PullApiIT {

	@Autowired
	Api api;

	@Autowired
	PullAdapter adapter;

	@Test
	void servesTheAppliedSplitInTraefiksFormatToAnySignedInCaller() {
		String key = Api.unique("checkout-production");
		BindingSettings settings = new BindingSettings(Map.of("key", key));
		assertThat(adapter.observe(settings).percentByMember()).isEmpty();

		adapter.apply(settings, new MemberShares(Map.of("checkout-v1@file", 100.0, "checkout-v2@file", 0.0)));
		adapter.apply(settings, new MemberShares(Map.of("checkout-v1@file", 90.0, "checkout-v2@file", 10.0)));
		assertThat(adapter.observe(settings).percentByMember()).containsExactly(Map.entry("checkout-v1@file", 90.0),
				Map.entry("checkout-v2@file", 10.0));

		Map<String, Object> served = api.person("AUDITOR")
			.client()
			.get()
			.uri("/api/v1/pull/{key}/traefik", key)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(Map.of("http", Map.of("services",
				Map.of(key,
						Map.of("weighted", Map.of("services", List.of(Map.of("name", "checkout-v1@file", "weight", 90),
								Map.of("name", "checkout-v2@file", "weight", 10))))))));
	}

	@Test
	void needsATokenAndAKnownKey() {
		String key = Api.unique("pull");
		adapter.apply(new BindingSettings(Map.of("key", key)), new MemberShares(Map.of("a", 100.0)));
		api.anonymous().get().uri("/api/v1/pull/{key}/traefik", key).exchange().expectStatus().isUnauthorized();
		api.person("ENGINEER")
			.client()
			.get()
			.uri("/api/v1/pull/{key}/traefik", Api.unique("never-stored"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
