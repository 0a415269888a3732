package org.releasegate.releases;

import java.util.Set;
import java.util.stream.Collectors;

import org.releasegate.audit.Actor;
import org.releasegate.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling and with which roles, as the security context says: an API token may
 * carry fewer roles than its owner, and only the token's count.
 */
record Caller(String name, Set<String> authorities) {

	static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Set<String> authorities = authentication == null ? Set.of()
				: authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toUnmodifiableSet());
		return new Caller(Actor.current().name(), authorities);
	}

	boolean has(Role role) {
		return authorities.contains(role.authority());
	}

}
