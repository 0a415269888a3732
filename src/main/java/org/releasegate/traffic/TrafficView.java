package org.releasegate.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The traffic of an application in an environment: what ReleaseGate wants, what the load
 * balancer reports, and what is still being pushed.
 *
 * @param desired percent per version
 * @param observed percent per version as last read from the load balancer (null when it
 * was never read)
 * @param unmatchedMembers load-balancer members with traffic that no running deployment
 * names
 * @param inSync whether the load balancer last reported the desired split
 * @param lastError why the load balancer could not be read or changed, if it could not
 */
record TrafficView(String application, String environment, String adapter, DriftPolicy driftPolicy,
		Map<String, Integer> desired, Map<String, Double> observed, Map<String, Double> unmatchedMembers,
		boolean inSync, Instant observedAt, Instant lastAppliedAt, String lastError, Change pendingChange,
		List<DriftView> drift) {

	/** A traffic change, as shown. */
	record Change(UUID id, String kind, Map<String, Integer> split, String reason, String status, int attempts,
			Instant requestedAt, Instant appliedAt, String lastError) {
	}

	/** A desired split as decided: when, by whom and why, percent per version. */
	record Decision(Instant at, Map<String, Integer> split, String actor, String reason) {
	}

	/** A time the load balancer differed (shares per member). */
	record DriftView(Map<String, Double> desired, Map<String, Double> observed, boolean corrected, Instant detectedAt,
			Instant resolvedAt) {

		static DriftView of(TrafficLog.Drift drift) {
			return new DriftView(drift.desired(), drift.observed(), drift.corrected(), drift.detectedAt(),
					drift.resolvedAt());
		}

	}

}
