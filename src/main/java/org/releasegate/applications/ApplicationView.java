package org.releasegate.applications;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** An application as the API shows it. */
record ApplicationView(String name, String displayName, Set<String> owners, Instant createdAt, Instant updatedAt) {

	static ApplicationView of(Application application) {
		return new ApplicationView(application.name(), application.displayName(), new TreeSet<>(application.owners()),
				application.createdAt(), application.updatedAt());
	}

}
