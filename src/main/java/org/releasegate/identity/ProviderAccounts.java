package org.releasegate.identity;

import java.time.Clock;
import java.util.Set;

import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in through the identity provider: created at their first sign-in, their
 * roles and owned applications replaced by what their groups give at each sign-in, each
 * change audited.
 */
@Service
class ProviderAccounts {

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	ProviderAccounts(Users users, AuditLog audit, Clock clock) {
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** The person as they are after this sign-in. */
	@Transactional
	UserView signedIn(String username, String displayName, Set<Role> roles, Set<String> applications) {
		User user = users.findByUsername(username).orElse(null);
		if (user == null) {
			user = User.fromProvider(username, displayName, clock.instant());
			user.grantedByProvider(roles, applications);
			users.save(user);
			UserView created = UserView.of(user);
			audit.record(AuditEntry.of("identity.user-created", "user", username).after(created), signingIn(username));
			return created;
		}
		if (!user.enabled()) {
			throw new DisabledException(username + " is disabled");
		}
		if (!User.OIDC.equals(user.source())) {
			// never let the provider speak for a local account (the bootstrap admin)
			throw new BadCredentialsException(username + " is a local account; it signs in with its password");
		}
		UserView before = UserView.of(user);
		user.grantedByProvider(roles, applications);
		UserView after = UserView.of(user);
		if (!before.roles().equals(after.roles()) || !before.applications().equals(after.applications())) {
			audit.record(AuditEntry.of("identity.roles-changed", "user", username).before(before).after(after),
					signingIn(username));
		}
		return after;
	}

	/**
	 * The person signing in did it, by the identity provider's word: not yet in the
	 * security context.
	 */
	private static Actor signingIn(String username) {
		return new Actor(username, Actor.Kind.OIDC);
	}

}
