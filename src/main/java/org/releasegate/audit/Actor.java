package org.releasegate.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/**
 * Who did something: a person signed in with a password, a person or pipeline using an
 * API token, the system itself, or an anonymous caller (failed sign-ins).
 */
public record Actor(String name, Kind kind) {

	public static final Actor SYSTEM = new Actor("system", Kind.SYSTEM);

	public enum Kind {

		USER, TOKEN, SYSTEM, ANONYMOUS

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
		Kind kind = authentication instanceof BearerTokenAuthentication ? Kind.TOKEN : Kind.USER;
		return new Actor(authentication.getName(), kind);
	}

}
