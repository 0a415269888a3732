package org.releasegate.releases;

import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.releasegate.traffic.Split;
import org.releasegate.traffic.TrafficControl;

/**
 * Moves traffic to the split of a release's current step, forwards or back. Without a
 * router binding there is nothing to move: the release cannot go on (409).
 */
final class StepSplit {

	private StepSplit() {
	}

	static void shift(TrafficControl traffic, Release release, String reason) {
		try {
			traffic.shift(release.application(), release.environment(),
					new Split(release.splitAt(release.currentStep())), reason);
		}
		catch (NotFoundException noBinding) {
			throw new ConflictException(noBinding.getMessage());
		}
	}

}
