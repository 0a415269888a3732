package org.releasegate.notifications;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.releasegate.Api;
import org.springframework.http.MediaType;

/**
 * An application with two owners who want email, 1.0.0 and 2.0.0 deployed, and an
 * engineer who is also an owner and requests its releases.
 */
final class Scene {

	final Api api;

	final Api.Person owner;

	final Api.Person requester;

	final String app;

	Scene(Api api, BiConsumer<String, String> setEmail) {
		this.api = api;
		owner = api.person("PRODUCT_OWNER");
		requester = api.person("ENGINEER", "PRODUCT_OWNER");
		setEmail.accept(owner.username(), email(owner));
		setEmail.accept(requester.username(), email(requester));
		app = api.application(owner.username(), requester.username());
		api.deployment(app, "production", "1.0.0", "blue");
		api.deployment(app, "production", "2.0.0", "green");
	}

	static String email(Api.Person person) {
		return person.username() + "@example.test";
	}

	/** Requests a release of 2.0.0 to production and returns its id. */
	String request() {
		return request(Map.of("type", "ALL_AT_ONCE"));
	}

	/** Requests a release of 2.0.0 to production with the strategy and returns its id. */
	String request(Map<String, Object> strategy) {
		Map<String, Object> body = Map.of("application", app, "environment", "production", "candidateVersion", "2.0.0",
				"strategy", strategy, "onCallContact", "pager: " + requester.username());
		Map<String, Object> created = requester.client()
			.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	/** The release's delivery history, read by its requester. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> history(String release) {
		return requester.client()
			.get()
			.uri("/api/v1/releases/{id}/notifications", release)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
	}

	boolean allSent(String release, int expected) {
		List<Map<String, Object>> history = history(release);
		return history.size() == expected && history.stream().allMatch(d -> "SENT".equals(d.get("status")));
	}

}
