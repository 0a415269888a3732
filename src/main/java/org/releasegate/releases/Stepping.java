package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the conductor should do with a release now: start it at its scheduled time, move
 * it to its next step once the pause of the current step has passed, or take the next
 * step of a gradual rollback once its step pause has passed. Health gates and locks are
 * the caller's business; this only reads the stored step and its start time, so a
 * restarted instance decides exactly as the one that stopped would have.
 */
final class Stepping {

	enum Move {

		/** Nothing is due. */
		NONE,
		/** An approved release reached its scheduled start. */
		START,
		/** The pause has passed: the next step may run if the gate holds. */
		ADVANCE,
		/** The pause has passed but the next step waits for a product owner's promote. */
		AWAIT_CONFIRMATION,
		/** A gradual rollback's step pause has passed: the next step back is due. */
		STEP_BACK

	}

	private Stepping() {
	}

	static Move due(Release release, Instant now) {
		if (release.status() == ReleaseStatus.APPROVED) {
			return release.scheduledStart() != null && !now.isBefore(release.scheduledStart()) ? Move.START : Move.NONE;
		}
		if (release.status() == ReleaseStatus.ROLLING_BACK) {
			Duration pause = release.strategy().rollback().stepPause();
			return now.isBefore(release.stepStartedAt().plus(pause)) ? Move.NONE : Move.STEP_BACK;
		}
		if (release.status() != ReleaseStatus.IN_PROGRESS) {
			return Move.NONE;
		}
		Optional<Strategy.Step> next = release.nextStep();
		if (next.isEmpty()) {
			return Move.NONE;
		}
		Strategy.Step current = release.strategy().plan().get(release.currentStep());
		if (now.isBefore(release.stepStartedAt().plus(current.pause()))) {
			return Move.NONE;
		}
		return next.get().requiresConfirmation() ? Move.AWAIT_CONFIRMATION : Move.ADVANCE;
	}

}
