package org.releasegate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Calls the running service's REST API as real clients do: the admin with HTTP Basic,
 * everyone else with API tokens issued through the API itself.
 */
@TestComponent
public class Api {

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** A JSON object in a response body. */
	public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final Environment environment;

	Api(Environment environment) {
		this.environment = environment;
	}

	/** Calls a service started apart from the test context, on the given port. */
	public static Api at(int port) {
		return new Api(new MockEnvironment().withProperty("local.server.port", String.valueOf(port)));
	}

	public String baseUrl() {
		return "http://localhost:" + environment.getRequiredProperty("local.server.port");
	}

	public RestTestClient anonymous() {
		return RestTestClient.bindToServer().baseUrl(baseUrl()).build();
	}

	public RestTestClient admin() {
		return basic("admin", ADMIN_PASSWORD);
	}

	public RestTestClient basic(String username, String password) {
		return RestTestClient.bindToServer()
			.baseUrl(baseUrl())
			.defaultHeaders(headers -> headers.setBasicAuth(username, password))
			.build();
	}

	public RestTestClient bearer(String token) {
		return RestTestClient.bindToServer()
			.baseUrl(baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	/** A name no other test uses, e.g. {@code checkout-17-3}. */
	public static String unique(String prefix) {
		return prefix + "-" + ProcessHandle.current().pid() % 10_000 + "-" + SEQUENCE.incrementAndGet();
	}

	/** Creates a person with the given roles and an API token for them. */
	public Person person(String... roles) {
		String username = unique("user");
		String password = "password-of-" + username;
		admin().post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password, "displayName", "Test " + username, "roles",
					Arrays.asList(roles)))
			.exchange()
			.expectStatus()
			.isCreated();
		Map<String, Object> issued = basic(username, password).post()
			.uri("/api/v1/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "test token", "expiresInDays", 1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		String token = (String) issued.get("token");
		return new Person(username, password, token, bearer(token));
	}

	/** Creates an application owned by the given usernames and returns its name. */
	public String application(String... owners) {
		String name = unique("app");
		admin().post()
			.uri("/api/v1/applications")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "displayName", "App " + name, "owners", List.of(owners)))
			.exchange()
			.expectStatus()
			.isCreated();
		return name;
	}

	/** Records a RUNNING deployment and returns its JSON. */
	public Map<String, Object> deployment(String application, String environment, String version, String endpoint) {
		return admin().post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", application, "environment", environment, "version", version, "endpoint",
					endpoint))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The audit events matching a query string of {@code /api/v1/audit} (e.g.
	 * {@code "application={app}&action=deployment.recorded"}), newest first, read by the
	 * admin.
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> auditEvents(String filter, Object... variables) {
		Map<String, Object> page = admin().get()
			.uri("/api/v1/audit?limit=500&" + filter, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

	/**
	 * Someone using the API: their username, password and token, and a client using the
	 * token.
	 */
	public record Person(String username, String password, String token, RestTestClient client) {
	}

}
