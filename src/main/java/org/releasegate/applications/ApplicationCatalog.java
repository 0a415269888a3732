package org.releasegate.applications;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask about applications. */
public interface ApplicationCatalog {

	Optional<ApplicationSummary> find(String name);

	/** Every application, by name. */
	List<ApplicationSummary> summaries();

	default boolean exists(String name) {
		return find(name).isPresent();
	}

	/** An application, its display name and the usernames of its owners. */
	record ApplicationSummary(String name, String displayName, Set<String> owners) {

		public boolean isOwnedBy(String username) {
			return owners.contains(username);
		}

	}

}
