package org.releasegate.identity;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.releasegate.identity.TestIdentityProviders.CHECKOUT;
import static org.releasegate.identity.TestIdentityProviders.PAYMENTS;
import static org.releasegate.identity.TestIdentityProviders.ciClaims;
import static org.releasegate.identity.TestIdentityProviders.ciToken;

/**
 * A pipeline signs in with its CI system's short-lived JWT: accepted from the trusted
 * issuer for the configured repository and branch, as an engineer of its own application
 * only; refused for a wrong audience, an expired token, a wrong repository or branch, a
 * forged signature or an unknown issuer. API tokens keep working beside it.
 */
@WithIdentityProviders
class WorkloadIdentityIT {

	private static final String MAIN = "refs/heads/main";

	@Autowired
	Api api;

	@BeforeAll
	static void applications(@Autowired Api api) {
		for (String name : List.of(CHECKOUT, PAYMENTS)) {
			int status = api.admin()
				.post()
				.uri("/api/v1/applications")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", name, "displayName", "App " + name, "owners", List.of()))
				.exchange()
				.returnResult()
				.getStatus()
				.value();
			assertThat(status).as("creating %s", name).isIn(201, 409);
		}
	}

	private RestTestClient pipeline(JWTClaimsSet.Builder claims) {
		return api.bearer(ciToken(claims));
	}

	private int record(RestTestClient client, String application, String version) {
		return client.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", application, "environment", "production", "version", version, "endpoint",
					application + "-" + version.replace('.', '-')))
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	@Test
	void thePipelineOfTheTrustedRepositoryRecordsDeploymentsAndRequestsReleasesOfItsApplication() {
		RestTestClient pipeline = pipeline(ciClaims("acme/checkout", MAIN));
		String version = "1.0." + System.nanoTime() % 100_000;
		assertThat(record(pipeline, CHECKOUT, version)).isEqualTo(201);

		List<Map<String, Object>> recorded = api.auditEvents("application={app}&action=deployment.recorded", CHECKOUT);
		assertThat(recorded).anySatisfy(event -> {
			assertThat(event).containsEntry("actor", "checkout-pipeline").containsEntry("actorKind", "WORKLOAD");
		});

		Map<String, Object> release = pipeline.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", CHECKOUT, "environment", "production", "candidateVersion", version, "strategy",
					Map.of("type", "ALL_AT_ONCE"), "onCallContact", "pager: checkout team"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(release).containsEntry("requestedBy", "checkout-pipeline");
		pipeline.get().uri("/api/v1/releases/{id}", release.get("id")).exchange().expectStatus().isOk();

		// and nothing else: no other endpoint, whatever its role would allow
		for (String[] call : List.of(new String[] { "POST", "/api/v1/releases/{id}/cancel" },
				new String[] { "POST", "/api/v1/releases/{id}/rollback" },
				new String[] { "POST", "/api/v1/releases/{id}/start" },
				new String[] { "POST", "/api/v1/releases/{id}/checklist/normal-behaviour" },
				new String[] { "GET", "/api/v1/applications" }, new String[] { "GET", "/api/v1/audit" },
				new String[] { "GET", "/api/v1/deployments?application=" + PAYMENTS },
				new String[] { "POST", "/api/v1/tokens" })) {
			int status = pipeline.method(HttpMethod.valueOf(call[0]))
				.uri(call[1], release.get("id"))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("action", "ATTEST", "comment", "by a pipeline", "name", "pipeline token"))
				.exchange()
				.returnResult()
				.getStatus()
				.value();
			assertThat(status).as("%s %s", call[0], call[1]).isEqualTo(403);
		}
	}

	@Test
	void thePipelineCannotTouchAnotherApplication() {
		RestTestClient pipeline = pipeline(ciClaims("acme/checkout", MAIN));
		assertThat(record(pipeline, PAYMENTS, "9.9.9")).isEqualTo(403);
		assertThat(api.auditEvents("application={app}&action=deployment.recorded", PAYMENTS))
			.noneSatisfy(event -> assertThat(event.toString()).contains("9.9.9"));

		String other = "2.0." + System.nanoTime() % 100_000;
		api.deployment(PAYMENTS, "production", other, PAYMENTS + "-other");
		pipeline.post()
			.uri("/api/v1/releases")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", PAYMENTS, "environment", "production", "candidateVersion", other, "strategy",
					Map.of("type", "ALL_AT_ONCE"), "onCallContact", "pager: payments"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void tokensThatAreNotTheTrustedPipelinesAreRefused() {
		Instant now = Instant.now();
		Map<String, JWTClaimsSet.Builder> refused = Map.of("wrong audience",
				ciClaims("acme/checkout", MAIN).audience("someone-else"), "expired",
				ciClaims("acme/checkout", MAIN).issueTime(Date.from(now.minusSeconds(3600)))
					.notBeforeTime(Date.from(now.minusSeconds(3600)))
					.expirationTime(Date.from(now.minusSeconds(600))),
				"wrong repository", ciClaims("mallory/checkout", MAIN), "wrong branch",
				ciClaims("acme/checkout", "refs/heads/feature"), "unknown issuer",
				ciClaims("acme/checkout", MAIN).issuer("https://ci.attacker.test"));
		refused
			.forEach((why, claims) -> assertThat(record(pipeline(claims), CHECKOUT, "6.6.6")).as(why).isEqualTo(401));
		assertThat(record(api.bearer(TestIdentityProviders.forgedToken(ciClaims("acme/checkout", MAIN))), CHECKOUT,
				"6.6.6"))
			.as("forged signature")
			.isEqualTo(401);
		assertThat(record(api.bearer("not-a-token"), CHECKOUT, "6.6.6")).as("garbage").isEqualTo(401);
		assertThat(api.auditEvents("application={app}&action=deployment.recorded", CHECKOUT))
			.noneSatisfy(event -> assertThat(event.toString()).contains("6.6.6"));
	}

	@Test
	void apiTokensKeepWorkingBesideWorkloadIdentity() {
		Api.Person engineer = api.person("ENGINEER");
		assertThat(record(engineer.client(), PAYMENTS, "3.0." + System.nanoTime() % 100_000)).isEqualTo(201);
		assertThat(api.auditEvents("application={app}&action=deployment.recorded", PAYMENTS))
			.anySatisfy(event -> assertThat(event).containsEntry("actor", engineer.username())
				.containsEntry("actorKind", "TOKEN"));
	}

}
