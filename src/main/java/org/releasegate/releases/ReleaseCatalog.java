package org.releasegate.releases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules (the application page) may read about releases and policies. */
public interface ReleaseCatalog {

	/** The latest releases of an application, newest first. */
	List<ReleaseLine> history(String application, int limit);

	/**
	 * The release policy per environment, by environment name: for each of the given
	 * environments (the defaults where none is set) and for any other with a policy.
	 */
	List<PolicySummary> policies(String application, Collection<String> environments);

	/**
	 * Every release still open (requested, approved, running or paused), oldest first.
	 */
	List<OpenRelease> open();

	/**
	 * The requested releases waiting for this person's decision (their inbox), oldest
	 * first.
	 */
	List<OpenRelease> awaitingDecisionOf(String username);

	/** How many releases stand in each status; a status no release has counts 0. */
	Map<ReleaseStatus, Long> countByStatus();

	/** When the release was requested, if there is such a release. */
	Optional<Instant> requestedAt(UUID release);

	record ReleaseLine(UUID id, String environment, ReleaseStatus status, String stableVersion, String candidateVersion,
			String requestedBy, Instant requestedAt) {
	}

	/**
	 * A policy in words: windows as "Mon,Tue 09:00-17:00 Europe/Berlin", freezes as "from
	 * to reason", custom checks as "key title"; {@code custom} is false while the
	 * defaults apply.
	 */
	record PolicySummary(String environment, int requiredApprovals, int soakMinutes, List<String> releaseWindows,
			List<String> freezes, List<String> customChecks, String autoApproveAfter, boolean custom, String updatedBy,
			Instant updatedAt) {
	}

	/**
	 * An open release as a dashboard shows it: {@code currentStep} counts from 0 and is
	 * null until the release starts; {@code candidatePercent} is what that step gives the
	 * candidate.
	 */
	record OpenRelease(UUID id, String application, String environment, ReleaseStatus status, String candidateVersion,
			Integer currentStep, int steps, Integer candidatePercent) {
	}

}
