package org.releasegate.traffic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.TrafficControl.BindingState;

/**
 * Traffic of many environments at once, for pages that list them (the dashboard): a
 * bounded number of queries whatever the number of applications, and no load-balancer
 * call, only what the reconciler recorded.
 */
public interface TrafficOverview {

	/** Every environment with a router binding among the given applications. */
	List<EnvironmentTraffic> of(Collection<String> applications);

	/**
	 * Environments whose load balancer drifted or fails, those with the oldest trouble
	 * first, at most {@code limit}.
	 */
	List<EnvironmentTraffic> troubled(int limit);

	/**
	 * An environment's router binding as last seen, with what decides its stable
	 * deployment: the deployment holding 100% of the desired split, if one does, and the
	 * deployments that held 100% before, newest first.
	 */
	record EnvironmentTraffic(String application, String environment, BindingState binding, UUID holder,
			List<UUID> formerHolders) {

		/** The stable deployment among those running, by the same rule as everywhere. */
		public Optional<DeploymentSummary> stable(List<DeploymentSummary> running) {
			return StableRule.stable(running, Optional.ofNullable(holder), () -> formerHolders);
		}

	}

}
