package org.releasegate.identity;

import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Checks {@code Authorization: Bearer} tokens against ReleaseGate's own token table,
 * through Spring Security's opaque-token support.
 */
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

	/** Issued tokens are 46 characters; anything much longer is refused unread. */
	static final int MAX_TOKEN_LENGTH = 100;

	private final TokenService tokens;

	private final TokenCache cache;

	ApiTokenIntrospector(TokenService tokens, TokenCache cache) {
		this.tokens = tokens;
		this.cache = cache;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		if (token.length() > MAX_TOKEN_LENGTH || !token.startsWith("rg_")) {
			// not one this service issues: refused without hashing or a query
			throw new BadOpaqueTokenException("not a ReleaseGate token");
		}
		TokenService.TokenUse use = cache
			.get(TokenSecret.hash(token), () -> tokens.authenticate(token), tokens::stillValid)
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
		return new DefaultOAuth2AuthenticatedPrincipal(use.username(),
				Map.of("token_id", use.id().toString(), "token_name", use.name(), "sub", use.username()),
				use.roles()
					.stream()
					.<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
					.toList());
	}

}
