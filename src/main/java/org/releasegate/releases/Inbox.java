package org.releasegate.releases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product owner's inbox: the REQUESTED releases of applications they own that they did
 * not request and have not decided on yet, oldest first. One query for the releases, then
 * one look-up per application among them (an application has at most one open release per
 * environment, so these are few).
 */
@Service
@Transactional(readOnly = true)
class Inbox {

	private final Releases releases;

	private final ApplicationCatalog applications;

	Inbox(Releases releases, ApplicationCatalog applications) {
		this.releases = releases;
		this.applications = applications;
	}

	List<ReleaseView.Line> awaiting(String username) {
		return mine(username).stream().map(ReleaseView.Line::of).toList();
	}

	int count(String username) {
		return mine(username).size();
	}

	private List<Release> mine(String username) {
		Map<String, Boolean> owned = new HashMap<>();
		return releases.findAwaiting(username)
			.stream()
			.filter(r -> owned.computeIfAbsent(r.application(),
					app -> applications.find(app)
						.map(a -> org.releasegate.identity.Caller.current().owns(a.name(), a.owners()))
						.orElse(false)))
			.toList();
	}

}
