package org.releasegate.releases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a release stands. The transition table of the whole lifecycle lives here and
 * nowhere else; {@link Release} asks it before every change.
 */
public enum ReleaseStatus {

	REQUESTED, APPROVED, REJECTED, CANCELLED, IN_PROGRESS, PAUSED, COMPLETED,
	/** A gradual rollback walks the candidate's share back, step by step. */
	ROLLING_BACK, ROLLED_BACK;

	private static final Map<ReleaseStatus, Set<ReleaseStatus>> NEXT = Map.of(REQUESTED,
			EnumSet.of(APPROVED, REJECTED, CANCELLED), APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED), IN_PROGRESS,
			EnumSet.of(PAUSED, COMPLETED, ROLLING_BACK, ROLLED_BACK), PAUSED,
			EnumSet.of(IN_PROGRESS, ROLLING_BACK, ROLLED_BACK), COMPLETED, EnumSet.of(ROLLING_BACK, ROLLED_BACK),
			ROLLING_BACK, EnumSet.of(ROLLED_BACK), REJECTED, EnumSet.noneOf(ReleaseStatus.class), CANCELLED,
			EnumSet.noneOf(ReleaseStatus.class), ROLLED_BACK, EnumSet.noneOf(ReleaseStatus.class));

	/**
	 * The statuses in which a release still blocks another one for its environment: also
	 * while it rolls back gradually, as it still moves traffic.
	 */
	public static final Set<ReleaseStatus> OPEN = EnumSet.of(REQUESTED, APPROVED, IN_PROGRESS, PAUSED, ROLLING_BACK);

	public boolean canMoveTo(ReleaseStatus next) {
		return NEXT.get(this).contains(next);
	}

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
