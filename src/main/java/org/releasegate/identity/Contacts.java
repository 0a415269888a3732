package org.releasegate.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How to reach people: their email addresses, where they chose email notifications (on
 * {@code /account}), and the API tokens that are about to expire.
 */
public interface Contacts {

	/** The enabled people among the usernames who gave an address and want email. */
	List<Contact> emailable(Collection<String> usernames);

	/** The usernames of the enabled people holding the role. */
	List<String> holding(Role role);

	/** The tokens, neither revoked nor expired yet, that expire before the instant. */
	List<ExpiringToken> expiringBefore(Instant instant);

	/** A person and the address they asked to be emailed at. */
	record Contact(String username, String displayName, String email) {
	}

	/** An API token that expires soon, and its owner. */
	record ExpiringToken(UUID id, String name, String owner, Instant expiresAt) {
	}

}
