package org.releasegate.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A person signed in with their password, remembering the rights version their
 * authorities were read at: a session whose version is no longer the account's is ended
 * ({@link RightsCheck}).
 */
final class SignedInUser extends User {

	private final int rightsVersion;

	SignedInUser(String username, String password, boolean enabled, Collection<? extends GrantedAuthority> authorities,
			int rightsVersion) {
		super(username, password, enabled, true, true, true, authorities);
		this.rightsVersion = rightsVersion;
	}

	int rightsVersion() {
		return rightsVersion;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
