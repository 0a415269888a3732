package org.releasegate.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A person as the API shows them: never their password hash.
 *
 * @param source how they sign in: {@code local} or {@code oidc}
 * @param applications the applications their identity provider groups make them own
 */
record UserView(UUID id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
		String source, Set<String> applications) {

	static UserView of(User user) {
		return new UserView(user.id(), user.username(), user.displayName(), new TreeSet<>(user.roles()), user.enabled(),
				user.createdAt(), user.source(), new TreeSet<>(user.applications()));
	}

}
