package org.releasegate.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A token as listed: its name and prefix, never its secret. */
record TokenView(UUID id, String name, String prefix, String owner, Set<Role> roles, Instant createdAt,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

	static TokenView of(ApiToken token) {
		return new TokenView(token.id(), token.name(), token.prefix(), token.owner().username(),
				new TreeSet<>(token.roles()), token.createdAt(), token.expiresAt(), token.revokedAt(),
				token.lastUsedAt());
	}

}
