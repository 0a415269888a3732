package org.releasegate.applications;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class ApplicationApiIT {

	@Autowired
	Api api;

	@Test
	void aReleaseManagerCreatesAndUpdatesAnApplication() {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person owner = api.person("PRODUCT_OWNER");
		String name = Api.unique("checkout");

		manager.client()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "displayName", "Checkout", "owners", List.of(owner.username())))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/v1/applications/" + name);

		Map<String, Object> updated = manager.client()
			.put()
			.uri("/api/v1/applications/{name}", name)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("displayName", "Checkout (EU)", "owners", List.of()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(updated).containsEntry("displayName", "Checkout (EU)").containsEntry("owners", List.of());

		Api.Person engineer = api.person("ENGINEER");
		engineer.client()
			.get()
			.uri("/api/v1/applications/{name}", name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.value(body -> assertThat(body).containsEntry("displayName", "Checkout (EU)"));
	}

	@Test
	void aDuplicateNameIs409() {
		String name = api.application();
		api.admin()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void namesAreLowercaseDnsLabels() {
		api.admin()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Check_Out"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(Api.JSON)
			.value(problem -> assertThat(problem.get("errors").toString()).contains("field=name"));
	}

	@Test
	void ownersMustBeKnownPeople() {
		api.admin()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", Api.unique("app"), "owners", List.of("nobody-by-this-name")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(Api.JSON)
			.value(problem -> assertThat(problem.get("detail").toString()).contains("nobody-by-this-name"));
	}

	@Test
	void engineersCannotCreateApplicationsAndUnknownOnesAre404() {
		Api.Person engineer = api.person("ENGINEER");
		engineer.client()
			.post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", Api.unique("app")))
			.exchange()
			.expectStatus()
			.isForbidden();
		engineer.client().get().uri("/api/v1/applications/does-not-exist").exchange().expectStatus().isNotFound();
	}

}
