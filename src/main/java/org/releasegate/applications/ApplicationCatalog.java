package org.releasegate.applications;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.releasegate.common.Slice;

/** What other modules may ask about applications. */
public interface ApplicationCatalog {

	Optional<ApplicationSummary> find(String name);

	/** Every application, by name. */
	List<ApplicationSummary> summaries();

	/**
	 * One page of applications by name, after the one named by the cursor (the previous
	 * page's last name), whose name or display name contains the filter in any case. One
	 * query, whatever the number of applications.
	 */
	Slice<ApplicationSummary> page(String filter, String after, int limit);

	/** The names of the applications this person owns. */
	Set<String> ownedBy(String username);

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
