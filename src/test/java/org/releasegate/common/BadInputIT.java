package org.releasegate.common;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets a problem detail with the right status, and changes
 * nothing.
 */
@FullStackTest
class BadInputIT {

	@Autowired
	Api api;

	@Test
	void malformedJsonIs400() {
		assertProblem(post("/api/v1/deployments", "{\"application\": ", MediaType.APPLICATION_JSON_VALUE), 400,
				"not valid JSON");
	}

	@Test
	void missingAndInvalidFieldsAre400NamingEachField() {
		HttpResponse<String> response = post("/api/v1/deployments", "{\"environment\": \"Prod X\"}",
				MediaType.APPLICATION_JSON_VALUE);
		assertProblem(response, 400, "application");
		assertThat(response.body()).contains("\"field\":\"application\"")
			.contains("\"field\":\"environment\"")
			.contains("\"field\":\"version\"")
			.contains("\"field\":\"endpoint\"");
	}

	@Test
	void aWrongTypeNamesTheField() {
		HttpResponse<String> response = post("/api/v1/tokens", "{\"name\": \"x\", \"expiresInDays\": \"soon\"}",
				MediaType.APPLICATION_JSON_VALUE);
		assertProblem(response, 400, "expiresInDays");
	}

	@Test
	void anUnknownApplicationInABodyIs422AndNothingIsWritten() {
		String app = Api.unique("ghost");
		HttpResponse<String> response = post(
				"/api/v1/deployments", "{\"application\":\"" + app
						+ "\",\"environment\":\"production\",\"version\":\"1.0.0\"," + "\"endpoint\":\"ghost-v1\"}",
				MediaType.APPLICATION_JSON_VALUE);
		assertProblem(response, 422, app);
		api.admin()
			.get()
			.uri("/api/v1/audit?application={app}", app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.value(page -> assertThat((java.util.List<?>) page.get("items")).isEmpty());
	}

	@Test
	void aWrongContentTypeIs415() {
		assertProblem(post("/api/v1/applications", "name=x", MediaType.TEXT_PLAIN_VALUE), 415, "");
	}

	@Test
	void aBodyOverOneMebibyteIs413WhetherAnnouncedOrStreamed() throws Exception {
		String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
		assertProblem(post("/api/v1/applications", big, MediaType.APPLICATION_JSON_VALUE), 413, "exceeds");

		HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/applications"))
			.header("Authorization", adminAuthorization())
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
		assertProblem(response, 413, "exceeds");
	}

	@Test
	void overLongStringsAreRejectedNotTruncated() {
		String app = api.application();
		HttpResponse<String> response = post("/api/v1/deployments", "{\"application\":\"" + app
				+ "\",\"environment\":\"production\",\"version\":\"" + "1".repeat(129) + "\",\"endpoint\":\"x\"}",
				MediaType.APPLICATION_JSON_VALUE);
		assertProblem(response, 400, "version");
		api.admin()
			.get()
			.uri("/api/v1/deployments?application={app}", app)
			.exchange()
			.expectBody(Api.JSON)
			.value(page -> assertThat((java.util.List<?>) page.get("items")).isEmpty());
	}

	@Test
	void badPagingParametersAndIdentifiersAre400() {
		assertProblem(get("/api/v1/deployments?limit=0"), 400, "limit");
		assertProblem(get("/api/v1/deployments?cursor=%25%25not-a-cursor"), 400, "cursor");
		assertProblem(get("/api/v1/deployments/not-a-uuid"), 400, "id");
		assertProblem(get("/api/v1/deployments/" + java.util.UUID.randomUUID()), 404, "no deployment");
	}

	private void assertProblem(HttpResponse<String> response, int status, String mentioned) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(response.body()).contains("\"status\":" + status)
			.contains(mentioned)
			.doesNotContain("Exception")
			.doesNotContain("at org.");
	}

	private HttpResponse<String> post(String path, String body, String contentType) {
		return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HttpClient.newHttpClient()
				.send(request.header("Authorization", adminAuthorization()).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String adminAuthorization() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes());
	}

}
