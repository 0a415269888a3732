package org.releasegate.releases;

import java.util.List;
import java.util.Set;

import org.releasegate.applications.ApplicationCatalog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product owner's inbox: the REQUESTED releases of applications they own that they did
 * not request and have not decided on yet, oldest first: one query for the releases and
 * one for the applications the person owns.
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
		return releasesAwaiting(username).stream().map(ReleaseView.Line::of).toList();
	}

	int count(String username) {
		return releasesAwaiting(username).size();
	}

	List<Release> releasesAwaiting(String username) {
		List<Release> awaiting = releases.findAwaiting(username);
		if (awaiting.isEmpty()) {
			return awaiting;
		}
		Set<String> owned = applications.ownedBy(username);
		// and those the identity provider's groups give the person asking for their own
		org.releasegate.identity.Caller caller = org.releasegate.identity.Caller.current();
		boolean self = caller.name().equals(username);
		return awaiting.stream()
			.filter(r -> owned.contains(r.application()) || (self && caller.owns(r.application(), false)))
			.toList();
	}

}
