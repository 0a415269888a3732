package org.releasegate.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who did something, and how they proved it: a person signed in with a local password
 * ({@code USER}) or through the identity provider ({@code OIDC}), a person or pipeline
 * using an API token, a pipeline's workload identity ({@code WORKLOAD}), the system
 * itself, or an anonymous caller (failed sign-ins).
 */
public record Actor(String name, Kind kind) {

	public static final Actor SYSTEM = new Actor("system", Kind.SYSTEM);

	public enum Kind {

		USER, TOKEN, SYSTEM, ANONYMOUS, OIDC, WORKLOAD

	}

	public Actor {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("actor name is required");
		}
		if (name.length() > 64) {
			name = name.substring(0, 64);
		}
	}

	/** The actor behind the current request, or {@link #SYSTEM} outside of one. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			return SYSTEM;
		}
		return new Actor(authentication.getName(), kindOf(authentication));
	}

	private static Kind kindOf(Authentication authentication) {
		if (authentication instanceof BearerTokenAuthentication) {
			return Kind.TOKEN;
		}
		if (authentication instanceof JwtAuthenticationToken) {
			return Kind.WORKLOAD;
		}
		if (authentication instanceof OAuth2AuthenticationToken) {
			return Kind.OIDC;
		}
		return Kind.USER;
	}

}
