package org.releasegate.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity providers the service is configured to trust in the single sign-on tests,
 * set up before the service starts: a CI system's token issuer whose signing keys are
 * served at once (JWKS over HTTP), and an OpenID Connect provider whose port is chosen
 * but which is NOT running when the service starts ({@link AuthorizationServer} starts it
 * later), so the service must come up without it.
 */
public class TestIdentityProviders implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * Owned by the product owners of group {@code releasegate-po-checkout}; the
	 * pipeline's.
	 */
	public static final String CHECKOUT = "sso-checkout-" + ProcessHandle.current().pid() % 10_000;

	/** Nobody's through groups; the pipeline may not touch it. */
	public static final String PAYMENTS = "sso-payments-" + ProcessHandle.current().pid() % 10_000;

	public static final String CI_ISSUER = "https://ci.example.test";

	public static final String AUDIENCE = "releasegate";

	static final String PROVIDER_NAME = "Test Identity Provider";

	static final String CLIENT_ID = "releasegate";

	static final String CLIENT_SECRET = "client-secret-of-releasegate";

	private static final RSAKey CI_KEY = rsaKey("ci-key");

	private static int providerPort;

	private static HttpServer jwks;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		providerPort = freePort();
		startJwks();
		TestPropertyValues
			.of("releasegate.identity.oidc.issuer-uri=" + providerIssuer(),
					"releasegate.identity.oidc.client-id=" + CLIENT_ID,
					"releasegate.identity.oidc.client-secret=" + CLIENT_SECRET,
					"releasegate.identity.oidc.provider-name=" + PROVIDER_NAME,
					"releasegate.identity.oidc.groups[0].group=releasegate-po-checkout",
					"releasegate.identity.oidc.groups[0].role=PRODUCT_OWNER",
					"releasegate.identity.oidc.groups[0].applications[0]=" + CHECKOUT,
					"releasegate.identity.oidc.groups[1].group=releasegate-engineers",
					"releasegate.identity.oidc.groups[1].role=ENGINEER",
					"releasegate.identity.workload.issuers[0].issuer=" + CI_ISSUER,
					"releasegate.identity.workload.issuers[0].audience=" + AUDIENCE,
					"releasegate.identity.workload.issuers[0].jwks-uri=http://127.0.0.1:" + jwks.getAddress().getPort()
							+ "/jwks",
					"releasegate.identity.workload.issuers[0].identities[0].name=checkout-pipeline",
					"releasegate.identity.workload.issuers[0].identities[0].claims.repository=acme/checkout",
					"releasegate.identity.workload.issuers[0].identities[0].claims.ref=refs/heads/main",
					"releasegate.identity.workload.issuers[0].identities[0].applications[0]=" + CHECKOUT)
			.applyTo(context);
	}

	/**
	 * The OpenID Connect provider's issuer: 127.0.0.1, so its cookies are not the
	 * service's (localhost).
	 */
	static String providerIssuer() {
		return "http://127.0.0.1:" + providerPort;
	}

	static int providerPort() {
		return providerPort;
	}

	/** A JWT as the CI system issues it, signed with its published key. */
	public static String ciToken(Map<String, Object> claims) {
		return sign(CI_KEY, claims);
	}

	/**
	 * The usual claims of a pipeline run: issuer, audience, subject, five minutes' life.
	 */
	public static JWTClaimsSet.Builder ciClaims(String repository, String ref) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(CI_ISSUER)
			.audience(AUDIENCE)
			.subject("repo:" + repository + ":ref:" + ref)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now.minusSeconds(5)))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("repository", repository)
			.claim("ref", ref);
	}

	public static String ciToken(JWTClaimsSet.Builder claims) {
		return sign(CI_KEY, claims.build());
	}

	/** Signed with a key of the same id that the CI system never published. */
	public static String forgedToken(JWTClaimsSet.Builder claims) {
		return sign(rsaKey("ci-key"), claims.build());
	}

	private static String sign(RSAKey key, Map<String, Object> claims) {
		try {
			return sign(key, JWTClaimsSet.parse(claims));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void startJwks() {
		if (jwks != null) {
			return;
		}
		try {
			jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = new JWKSet(CI_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		jwks.start();
	}

	private static RSAKey rsaKey(String id) {
		try {
			return new RSAKeyGenerator(2048).keyID(id).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
