package org.releasegate.traffic;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One push of a split to a load balancer: what was asked, how often it was tried and the
 * outcome.
 */
record TrafficChange(UUID id, String application, String environment, Kind kind, Split split,
		Map<String, Double> members, String adapter, String reason, Status status, int attempts, Instant requestedAt,
		Instant lastAttemptAt, Instant appliedAt, String lastError) {

	/**
	 * Whether this change takes traffic back: a rollback of traffic, or the shift to the
	 * stable deployment with which a release is rolled back at once (the releases module
	 * asks for it with the reason "release ... rolled back: ...").
	 */
	boolean isRollback() {
		return kind == Kind.ROLLBACK || (kind == Kind.SHIFT && reason != null && reason.startsWith("release ")
				&& reason.contains(" rolled back: "));
	}

	enum Kind {

		/** a new desired split (manual or from a release) */
		SHIFT,
		/** a rollback */
		ROLLBACK,
		/** the reconciler putting back what drifted */
		CORRECTION

	}

	enum Status {

		PENDING, APPLIED,
		/** a newer change replaced it before it was applied */
		SUPERSEDED

	}

}
