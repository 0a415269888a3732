package org.releasegate.traffic;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.releasegate.deployments.DeploymentSummary;

/**
 * Which deployment is stable: the one holding 100% of the desired split or, while traffic
 * is split, the most recent one that held 100% and still runs. Written once, for the
 * single look-up and for the dashboard's batch.
 */
final class StableRule {

	private StableRule() {
	}

	static Optional<DeploymentSummary> stable(List<DeploymentSummary> running, Optional<UUID> currentHolder,
			Supplier<List<UUID>> holdersNewestFirst) {
		List<UUID> candidates = currentHolder.map(List::of).orElseGet(holdersNewestFirst);
		return candidates.stream()
			.flatMap(id -> running.stream().filter(deployment -> deployment.id().equals(id)))
			.findFirst();
	}

}
