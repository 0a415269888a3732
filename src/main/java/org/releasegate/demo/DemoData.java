package org.releasegate.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * On an empty database, makes the sample data once the service is up: five people (their
 * passwords printed once), three applications with deployments, a pull binding, a
 * completed release and one waiting for the product owner's approval, so that signing in
 * as {@code paula} shows an inbox with a release in it.
 */
@Component
@ConditionalOnBooleanProperty("releasegate.demo.enabled")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String PRODUCT_OWNER = "paula";

	private final Environment environment;

	DemoData(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void create() {
		DemoApi api = new DemoApi(RestClient.builder()
			.baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
			.build());
		DemoApi.As admin = api.as("admin", environment.getProperty("releasegate.identity.admin-password", ""));
		try {
			if (!admin.list("/api/v1/applications").isEmpty()) {
				log.info("Demo: the database already holds applications, so no sample data was added");
				return;
			}
		}
		catch (RestClientResponseException ex) {
			log.info("Demo: the database is not empty (the admin has another password), so no sample data was added");
			return;
		}
		try {
			log.warn(passwordsBlock(create(api, admin)));
		}
		catch (RestClientResponseException ex) {
			log.warn("Demo: the sample data could not be completed: the service answered {} {}",
					ex.getStatusCode().value(), ex.getResponseBodyAsString());
		}
	}

	private Map<String, String> create(DemoApi api, DemoApi.As admin) {
		Map<String, String> passwords = new LinkedHashMap<>();
		passwords.put("admin (ADMIN)", environment.getProperty("releasegate.identity.admin-password"));
		DemoApi.As erin = person(api, admin, passwords, "erin", "Erin Engineer", "ENGINEER");
		DemoApi.As paula = person(api, admin, passwords, PRODUCT_OWNER, "Paula Product", "PRODUCT_OWNER");
		person(api, admin, passwords, "pete", "Pete Product", "PRODUCT_OWNER");
		DemoApi.As maria = person(api, admin, passwords, "maria", "Maria Release Manager", "RELEASE_MANAGER");
		person(api, admin, passwords, "audrey", "Audrey Auditor", "AUDITOR");

		application(admin, maria, "checkout", "Checkout", Set.of(PRODUCT_OWNER));
		application(admin, maria, "catalogue", "Catalogue", Set.of("pete"));
		application(admin, maria, "payments", "Payments", Set.of(PRODUCT_OWNER, "pete"));
		deploy(erin, "checkout", "1.4.2");
		deploy(erin, "catalogue", "2.0.0");
		deploy(erin, "payments", "3.1.0");

		// checkout's load balancer polls its split: GET
		// /api/v1/pull/checkout-production/traefik
		maria.put("/api/v1/applications/checkout/environments/production/binding",
				Map.of("connection", "demo-pull", "settings", Map.of("key", "checkout-production")));
		completedRelease(erin, paula, "checkout", "1.4.2");

		deploy(erin, "checkout", "1.5.0");
		erin.post("/api/v1/releases",
				Map.of("application", "checkout", "environment", "production", "candidateVersion", "1.5.0",
						"onCallContact", "erin, +49 30 1234567", "summary", "New basket with saved carts", "strategy",
						Map.of("type", "CANARY", "steps",
								List.of(Map.of("weight", 10, "pause", "PT1M"),
										Map.of("weight", 50, "pause", "PT1M", "requiresConfirmation", true),
										Map.of("weight", 100, "pause", "PT0S")))));
		return passwords;
	}

	private static DemoApi.As person(DemoApi api, DemoApi.As admin, Map<String, String> passwords, String username,
			String displayName, String role) {
		String password = DemoPasswords.random();
		admin.post("/api/v1/users",
				Map.of("username", username, "password", password, "displayName", displayName, "roles", List.of(role)));
		passwords.put(username + " (" + role + ")", password);
		return api.as(username, password);
	}

	private static void application(DemoApi.As admin, DemoApi.As releaseManager, String name, String displayName,
			Set<String> owners) {
		admin.post("/api/v1/applications", Map.of("name", name, "displayName", displayName, "owners", owners));
		// one approval and no soak, so that the samples need not wait
		releaseManager.put("/api/v1/applications/" + name + "/environments/production/policy",
				Map.of("requiredApprovals", 1, "soakMinutes", 0));
	}

	private static void deploy(DemoApi.As engineer, String application, String version) {
		engineer.post("/api/v1/deployments", Map.of("application", application, "environment", "production", "version",
				version, "endpoint", application + "-v" + version.replace(".", "")));
	}

	private static void completedRelease(DemoApi.As engineer, DemoApi.As owner, String application, String version) {
		String id = String.valueOf(engineer.post("/api/v1/releases",
				Map.of("application", application, "environment", "production", "candidateVersion", version,
						"onCallContact", "erin", "summary", "First release of " + application, "strategy",
						Map.of("type", "ALL_AT_ONCE")))
			.get("id"));
		owner.post("/api/v1/releases/" + id + "/approvals", Map.of("decision", "APPROVE", "comment", "Looks good"));
		engineer.post("/api/v1/releases/" + id + "/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "dashboards normal"));
		engineer.post("/api/v1/releases/" + id + "/start", Map.of());
	}

	private static String passwordsBlock(Map<String, String> passwords) {
		List<String> lines = new ArrayList<>();
		lines.add(
				"Demo: sample data created. Sign in at /login as one of these people (passwords shown only this once):");
		passwords.forEach((who, password) -> lines.add("  " + who + ": " + password));
		lines.add("  Sign in as " + PRODUCT_OWNER + " to find checkout 1.5.0 waiting for approval in the inbox.");
		return String.join(System.lineSeparator(), lines);
	}

	/** The service's REST API, called with HTTP Basic as each sample person. */
	record DemoApi(RestClient client) {

		As as(String username, String password) {
			return new As(client, username, password);
		}

		record As(RestClient client, String username, String password) {

			List<?> list(String path) {
				List<?> body = client.get()
					.uri(path)
					.headers(headers -> headers.setBasicAuth(username, password))
					.retrieve()
					.body(List.class);
				return body != null ? body : List.of();
			}

			Map<?, ?> post(String path, Object body) {
				Map<?, ?> answer = client.post()
					.uri(path)
					.headers(headers -> headers.setBasicAuth(username, password))
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(Map.class);
				return answer != null ? answer : Map.of();
			}

			void put(String path, Object body) {
				client.put()
					.uri(path)
					.headers(headers -> headers.setBasicAuth(username, password))
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.toBodilessEntity();
			}

		}

	}

}
