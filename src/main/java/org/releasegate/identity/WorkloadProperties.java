package org.releasegate.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Pipelines that prove who they are with a short-lived JWT from their CI system (GitHub
 * Actions, GitLab CI) instead of a stored API token.
 *
 * @param issuers the trusted issuers; a JWT from any other is refused
 */
@ConfigurationProperties("releasegate.identity.workload")
@Validated
record WorkloadProperties(List<TrustedIssuer> issuers) {

	WorkloadProperties {
		issuers = issuers == null ? List.of() : List.copyOf(issuers);
	}

	/**
	 * @param issuer the {@code iss} claim, exactly
	 * @param audience the {@code aud} the token must carry
	 * @param jwksUri where the issuer publishes its signing keys
	 * @param identities the pipelines this issuer may speak for
	 */
	record TrustedIssuer(String issuer, String audience, String jwksUri, List<WorkloadIdentity> identities) {

		TrustedIssuer {
			if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank() || jwksUri == null
					|| jwksUri.isBlank()) {
				throw new IllegalArgumentException(
						"a trusted workload issuer needs issuer, audience and jwks-uri (releasegate.identity.workload.issuers)");
			}
			identities = identities == null ? List.of() : List.copyOf(identities);
		}

	}

	/**
	 * @param name how the pipeline appears in the audit
	 * @param claims the claims a token must carry, with these exact values (e.g.
	 * repository, ref)
	 * @param applications the applications it may record deployments and request releases
	 * for, as an engineer
	 */
	record WorkloadIdentity(String name, Map<String, String> claims, List<String> applications) {

		WorkloadIdentity {
			if (name == null || name.isBlank() || claims == null || claims.isEmpty()) {
				throw new IllegalArgumentException("a workload identity needs a name and at least one claim to match");
			}
			claims = Map.copyOf(claims);
			applications = applications == null ? List.of() : List.copyOf(applications);
		}

		boolean matches(Map<String, Object> tokenClaims) {
			return claims.entrySet()
				.stream()
				.allMatch(claim -> tokenClaims.get(claim.getKey()) != null
						&& claim.getValue().equals(String.valueOf(tokenClaims.get(claim.getKey()))));
		}

	}

}
