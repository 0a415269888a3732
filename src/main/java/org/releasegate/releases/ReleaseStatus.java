package org.releasegate.releases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a release stands. The transition table of the whole lifecycle lives here and
 * nowhere else; {@link Release} asks it before every change.
 */
public enum ReleaseStatus {

	REQUESTED, APPROVED, REJECTED, CANCELLED, IN_PROGRESS, PAUSED, COMPLETED, ROLLED_BACK;

	private static final Map<ReleaseStatus, Set<ReleaseStatus>> NEXT = Map.of(REQUESTED,
			EnumSet.of(APPROVED, REJECTED, CANCELLED), APPROVED, EnumSet.of(IN_PROGRESS, CANCELLED), IN_PROGRESS,
			EnumSet.of(PAUSED, COMPLETED, ROLLED_BACK), PAUSED, EnumSet.of(IN_PROGRESS, ROLLED_BACK), COMPLETED,
			EnumSet.of(ROLLED_BACK), REJECTED, EnumSet.noneOf(ReleaseStatus.class), CANCELLED,
			EnumSet.noneOf(ReleaseStatus.class), ROLLED_BACK, EnumSet.noneOf(ReleaseStatus.class));

	/** The statuses in which a release still blocks another one for its environment. */
	public static final Set<ReleaseStatus> OPEN = EnumSet.of(REQUESTED, APPROVED, IN_PROGRESS, PAUSED);

	public boolean canMoveTo(ReleaseStatus next) {
		return NEXT.get(this).contains(next);
	}

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
