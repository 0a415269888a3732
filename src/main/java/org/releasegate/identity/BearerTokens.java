package org.releasegate.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Sends each {@code Authorization: Bearer} credential to the check it needs:
 * ReleaseGate's own API tokens ({@code rg_...}, and anything that is not a JWT) to the
 * token table, a JWT to the trusted workload issuer named in its {@code iss} claim, which
 * checks its signature against the issuer's published keys, its audience and its
 * lifetime, then maps its claims to a configured pipeline identity. A JWT from any other
 * issuer, or one that matches no identity, is refused (401).
 */
class BearerTokens implements AuthenticationManagerResolver<HttpServletRequest> {

	private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

	private final AuthenticationManager apiTokens;

	private final AuthenticationManagerResolver<HttpServletRequest> workloads;

	BearerTokens(ApiTokenIntrospector introspector, WorkloadProperties properties,
			AuthenticationEventPublisher events) {
		ProviderManager tokens = new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
		tokens.setAuthenticationEventPublisher(events);
		this.apiTokens = tokens;
		Map<String, AuthenticationManager> byIssuer = new HashMap<>();
		for (WorkloadProperties.TrustedIssuer issuer : properties.issuers()) {
			ProviderManager manager = workloadManager(issuer);
			manager.setAuthenticationEventPublisher(events);
			byIssuer.put(issuer.issuer(), manager);
		}
		// an issuer that is not in the map is refused with 401
		this.workloads = new JwtIssuerAuthenticationManagerResolver(byIssuer::get);
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String token = bearer.resolve(request);
		if (token == null || token.startsWith("rg_") || token.chars().filter(c -> c == '.').count() != 2) {
			return apiTokens;
		}
		return workloads.resolve(request);
	}

	private static ProviderManager workloadManager(WorkloadProperties.TrustedIssuer issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUri()).build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				aud -> aud != null && aud.contains(issuer.audience()));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer.issuer()), audience));
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		provider.setJwtAuthenticationConverter(jwt -> identify(issuer, jwt));
		return new ProviderManager(provider);
	}

	private static JwtAuthenticationToken identify(WorkloadProperties.TrustedIssuer issuer, Jwt jwt) {
		WorkloadProperties.WorkloadIdentity identity = issuer.identities()
			.stream()
			.filter(candidate -> candidate.matches(jwt.getClaims()))
			.findFirst()
			.orElseThrow(() -> new InvalidBearerTokenException(
					"no workload identity of " + issuer.issuer() + " matches this token's claims"));
		return new JwtAuthenticationToken(jwt,
				Caller.authorities(List.of(Role.ENGINEER), identity.applications(), true), identity.name());
	}

	/** Whether the request was authenticated by a pipeline's workload identity. */
	static boolean isWorkload(Authentication authentication) {
		return authentication instanceof JwtAuthenticationToken;
	}

}
