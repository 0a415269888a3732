package org.releasegate.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask about people. */
public interface UserDirectory {

	Optional<Person> find(String username);

	/** The usernames among the given ones that belong to nobody. */
	List<String> unknown(Collection<String> usernames);

	/** A person known to ReleaseGate. */
	record Person(String username, String displayName, Set<Role> roles) {

		public boolean has(Role role) {
			return roles.contains(role);
		}

	}

}
