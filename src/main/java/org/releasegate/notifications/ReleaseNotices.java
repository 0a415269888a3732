package org.releasegate.notifications;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.common.PublicUrl;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.identity.Contacts;
import org.releasegate.identity.Role;
import org.releasegate.releases.ReleaseApproved;
import org.releasegate.releases.ReleaseAwaitingConfirmation;
import org.releasegate.releases.ReleaseCancelled;
import org.releasegate.releases.ReleaseCompleted;
import org.releasegate.releases.ReleasePaused;
import org.releasegate.releases.ReleaseRejected;
import org.releasegate.releases.ReleaseRequested;
import org.releasegate.releases.ReleaseRollbackStarted;
import org.releasegate.releases.ReleaseRolledBack;
import org.releasegate.releases.ReleaseStarted;
import org.releasegate.releases.ReleaseStepReached;
import org.releasegate.traffic.RollbackFailed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns release events into notices, synchronously in the transaction that changed the
 * release: the delivery rows commit with the change, and are sent after it.
 */
@Component
class ReleaseNotices {

	private static final Logger log = LoggerFactory.getLogger(ReleaseNotices.class);

	private static final String AUTOMATIC = "system";

	private final Notifier notifier;

	private final KnownReleases known;

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	private final Contacts contacts;

	private final PublicUrl publicUrl;

	private final Clock clock;

	ReleaseNotices(Notifier notifier, KnownReleases known, ApplicationCatalog applications,
			DeploymentCatalog deployments, Contacts contacts, PublicUrl publicUrl, Clock clock) {
		this.contacts = contacts;
		this.notifier = notifier;
		this.known = known;
		this.applications = applications;
		this.deployments = deployments;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	@EventListener
	void on(ReleaseRequested event) {
		known.remember(new KnownReleases.Known(event.release(), event.application(), event.environment(),
				event.candidateVersion(), event.requestedBy()));
		Set<String> approvers = owners(event.application());
		approvers.remove(event.requestedBy());
		notify(event.release(), "release.requested", () -> new Words(what(event.release()) + " needs your approval",
				event.requestedBy() + " asks to release " + event.candidateVersion() + " of " + event.application()
						+ " to " + event.environment() + ". Review the checklist and approve or reject it."),
				approvers);
	}

	@EventListener
	void on(ReleaseApproved event) {
		String by = event.byPolicy() ? "Approved by policy."
				: "Approved by " + String.join(" and ", event.approvedBy()) + ".";
		notify(event.release(), "release.approved",
				() -> new Words(what(event.release()) + " was approved", by + " It may start now or at its schedule."),
				null);
	}

	@EventListener
	void on(ReleaseRejected event) {
		notify(event.release(), "release.rejected", () -> new Words(what(event.release()) + " was rejected",
				event.rejectedBy() + " rejected it" + because(event.comment())), null);
	}

	@EventListener
	void on(ReleaseCancelled event) {
		notify(event.release(), "release.cancelled", () -> new Words(what(event.release()) + " was cancelled",
				event.cancelledBy() + " cancelled it" + because(event.reason())), null);
	}

	@EventListener
	void on(ReleaseStarted event) {
		notify(event.release(), "release.started", () -> new Words(what(event.release()) + " started",
				event.stableDeployment() == null
						? "It is the first release here: " + version(event.candidateDeployment()) + " gets all traffic."
						: "Traffic begins to move from " + version(event.stableDeployment()) + " to "
								+ version(event.candidateDeployment()) + "."),
				null);
	}

	@EventListener
	void on(ReleaseStepReached event) {
		notify(event.release(), "release.step-reached",
				() -> new Words(what(event.release()) + " reached step " + (event.step() + 1),
						"The candidate now gets " + event.weight() + " percent of the traffic."),
				null);
	}

	@EventListener
	void on(ReleaseAwaitingConfirmation event) {
		notify(event.release(), "release.awaiting-confirmation",
				() -> new Words(what(event.release()) + " waits for your confirmation",
						"Step " + (event.step() + 1) + " gives the candidate " + event.weight()
								+ " percent of the traffic and needs a product owner of " + event.application()
								+ " to confirm it. Check the candidate, then promote the release, or roll it back."),
				owners(event.application()));
	}

	@EventListener
	void on(ReleasePaused event) {
		notify(event.release(), "release.paused",
				() -> new Words(what(event.release()) + " is paused at step " + (event.step() + 1),
						"It waits until someone resumes, promotes or rolls it back."),
				null);
	}

	@EventListener
	void on(ReleaseCompleted event) {
		notify(event.release(), "release.completed", () -> new Words(what(event.release()) + " completed",
				version(event.candidateDeployment()) + " now gets all traffic."), null);
	}

	@EventListener
	void on(ReleaseRolledBack event) {
		String who = AUTOMATIC.equals(event.rolledBackBy()) ? "ReleaseGate rolled it back automatically"
				: event.rolledBackBy() + " rolled it back";
		notify(event.release(), "release.rolled-back", () -> new Words(what(event.release()) + " was rolled back",
				who + because(event.reason()) + " All traffic is back on " + version(event.stableDeployment()) + "."),
				null);
	}

	@EventListener
	void on(ReleaseRollbackStarted event) {
		String who = AUTOMATIC.equals(event.startedBy()) ? "ReleaseGate started a gradual rollback automatically"
				: event.startedBy() + " started a gradual rollback";
		notify(event.release(), "release.rollback-started", () -> new Words(what(event.release()) + " is rolling back",
				who + because(event.reason()) + " Traffic walks back to " + version(event.stableDeployment()) + "."),
				null);
	}

	/**
	 * Not tied to a release in the traffic module's words: it goes to the owners and the
	 * release managers, with a link to the application.
	 */
	@EventListener
	void on(RollbackFailed event) {
		Set<String> people = owners(event.application());
		people.addAll(contacts.holding(Role.RELEASE_MANAGER));
		String target = event.version() == null ? "the previous version" : event.version();
		notifier.notify(new Notice(Notice.randomKey("traffic.rollback-failed"), "traffic.rollback-failed",
				"The rollback of " + event.application() + " in " + event.environment()
						+ " did not reach the load balancer",
				"The load balancer may still send users to the version rolled back from instead of " + target
						+ ". ReleaseGate keeps trying; check the load balancer on the application's traffic page and "
						+ "set its weights by hand if it does not recover.",
				event.application(), event.environment(), null, publicUrl.link("/applications/" + event.application()),
				clock.instant(), people));
	}

	/**
	 * Records the notice; a mistake in composing it is logged and never fails the change
	 * that caused it.
	 * @param people who to email, or null for the owners and the requester
	 */
	private void notify(UUID release, String event, Supplier<Words> words, Set<String> people) {
		Words composed;
		Set<String> recipients;
		KnownReleases.Known facts;
		try {
			composed = words.get();
			facts = known.find(release).orElse(null);
			recipients = people != null ? people : ownersAndRequester(facts);
		}
		catch (RuntimeException ex) {
			log.error("Could not compose the {} notification of release {}", event, release, ex);
			return;
		}
		if (facts == null) {
			return;
		}
		notifier.notify(new Notice(Notice.randomKey(event), event, composed.title(), composed.summary(),
				facts.application(), facts.environment(), release, publicUrl.link("/releases/" + release),
				clock.instant(), recipients));
	}

	private Set<String> ownersAndRequester(KnownReleases.Known facts) {
		if (facts == null) {
			return Set.of();
		}
		Set<String> people = owners(facts.application());
		people.add(facts.requestedBy());
		return people;
	}

	private Set<String> owners(String application) {
		return applications.find(application)
			.map(found -> new LinkedHashSet<>(found.owners()))
			.orElseGet(LinkedHashSet::new);
	}

	/** "checkout 2.0.0 to production", or what is known of it. */
	private String what(UUID release) {
		return known.find(release)
			.map(r -> r.application() + " " + r.candidateVersion() + " to " + r.environment())
			.orElse("A release");
	}

	private String version(UUID deployment) {
		if (deployment == null) {
			return "the candidate";
		}
		return deployments.find(deployment).map(DeploymentSummary::version).orElse("the previous version");
	}

	private static String because(String reason) {
		return reason == null || reason.isBlank() ? "."
				: ": " + reason.strip() + (reason.strip().endsWith(".") ? "" : ".");
	}

	private record Words(String title, String summary) {
	}

}
