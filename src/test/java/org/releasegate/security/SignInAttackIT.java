package org.releasegate.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.releasegate.Api;
import org.releasegate.ServiceProcess;
import org.releasegate.TestDatabase;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attacks on signing in, against the packaged service on a database of its own (its
 * throttle and its only admin are not shared with the other tests): guessing passwords,
 * flooding with made-up bearer tokens, impossible usernames, a forged Host header, and
 * taking the last admin's power away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInAttackIT {

	static TestDatabase.Extra database;

	static ServiceProcess service;

	static int port;

	static Api api;

	@BeforeAll
	static void start() throws Exception {
		ServiceProcess.assumePackaged();
		database = TestDatabase.extra();
		port = ServiceProcess.freePort();
		service = ServiceProcess.start(database.url(), database.user(), database.password(), port,
				"--releasegate.identity.sign-in.audit-every=5s");
		api = Api.at(port);
	}

	@AfterAll
	static void stop() throws Exception {
		if (service != null) {
			service.close();
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void theLastAdminCannotBeDemotedNorDisabled() {
		String demote = api.admin()
			.put()
			.uri("/api/v1/users/admin/roles")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("roles", List.of("AUDITOR")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(demote).contains("they are the last admin");
		api.admin().post().uri("/api/v1/users/admin/disable").exchange().expectStatus().isEqualTo(409);
		api.admin().get().uri("/api/v1/users/me").exchange().expectStatus().isOk();
	}

	@Test
	@Order(2)
	void anImpossibleUsernameIsAnUnauthorizedAttemptNotAServerError() throws Exception {
		for (String name : List.of("a".repeat(200), "ad\u0000min")) {
			api.basic(name, "whatever").get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
		}
		assertThat(service.log()).doesNotContain("Unexpected failure").doesNotContain("\tat org.postgresql");
	}

	@Test
	@Order(3)
	void fiftyWrongPasswordsAreThrottledAndAuditedAsOneEventWithTheirCount() {
		String username = createEngineer();
		List<Integer> statuses = new ArrayList<>();
		EntityExchangeResult<String> last = null;
		for (int i = 0; i < 50; i++) {
			last = api.basic(username, "wrong-password-" + i)
				.get()
				.uri("/api/v1/users/me")
				.exchange()
				.expectBody(String.class)
				.returnResult();
			statuses.add(last.getStatus().value());
		}
		assertThat(statuses.subList(0, 5)).containsOnly(401);
		assertThat(statuses.subList(5, 50)).containsOnly(429);
		assertThat(last.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(last.getResponseBody()).contains("Too many failed sign-ins");
		// the right password does not get through while the account is throttled
		api.basic(username, "password-of-" + username)
			.get()
			.uri("/api/v1/users/me")
			.exchange()
			.expectStatus()
			.isEqualTo(429);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Map<String, Object>> failures = auditFailures("user", username);
			assertThat(failures).isNotEmpty();
			assertThat(failures.stream().mapToInt(SignInAttackIT::attempts).sum()).isEqualTo(5);
		});
	}

	@Test
	@Order(4)
	void garbageBearerTokensCollapseIntoOneAuditEvent() {
		int before = auditFailures("token", "unknown token").size();
		for (int i = 0; i < 300; i++) {
			api.bearer("rg_garbage" + i + "x".repeat(30))
				.get()
				.uri("/api/v1/deployments")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Map<String, Object>> failures = auditFailures("token", "unknown token");
			assertThat(failures.subList(0, failures.size() - before).stream().mapToInt(SignInAttackIT::attempts).sum())
				.isEqualTo(300);
			// one row per 5 s round at most, never one row per attempt
			assertThat(failures.size() - before).isLessThan(30);
		});
		assertThat(api.auditEvents("action=identity.sign-in-failed").toString()).doesNotContain("rg_garbage");
	}

	@Test
	@Order(5)
	void aForgedHostNeverBecomesARedirectTarget() throws Exception {
		String response = raw("GET /admin HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 302");
		String location = response.lines()
			.filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
			.findFirst()
			.orElseThrow();
		assertThat(location).doesNotContain("evil.example").endsWith("/login");
		assertThat(response).contains("Content-Security-Policy: default-src 'self'; script-src 'self';")
			.contains("Referrer-Policy: same-origin")
			.contains("Permissions-Policy: camera=()");
	}

	@Test
	@Order(6)
	void manyWrongPasswordsFromOneAddressAreThrottledWhateverTheAccount() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			statuses.add(api.basic("nobody-" + i, "guess")
				.get()
				.uri("/api/v1/users/me")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		// earlier tests already failed from this address; the limit is 50 per 5 minutes
		assertThat(statuses).contains(401).endsWith(429, 429, 429);
		assertThat(statuses.indexOf(429)).isLessThanOrEqualTo(50);
	}

	private static String createEngineer() {
		String username = Api.unique("guessed");
		api.admin()
			.post()
			.uri("/api/v1/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", "password-of-" + username, "displayName", "Guessed", "roles",
					List.of("ENGINEER")))
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	private static List<Map<String, Object>> auditFailures(String subjectType, String subjectId) {
		return api.auditEvents("action=identity.sign-in-failed&subjectType={type}&subjectId={id}", subjectType,
				subjectId);
	}

	@SuppressWarnings("unchecked")
	private static int attempts(Map<String, Object> event) {
		return ((Number) ((Map<String, Object>) event.get("after")).get("attempts")).intValue();
	}

	private static String raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			StringBuilder response = new StringBuilder();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				response.append(line).append('\n');
			}
			return response.toString();
		}
	}

}
