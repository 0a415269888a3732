package org.releasegate.deployments;

import java.util.Map;
import java.util.UUID;

/**
 * Lets the traffic module keep each deployment's {@code trafficPercent} equal to its
 * share of the desired split. Call it in the transaction that changes the split.
 */
public interface DeploymentTraffic {

	/**
	 * Gives each named deployment of the application in the environment its percent, and
	 * every other deployment there 0%.
	 * @throws IllegalStateException when a deployment given traffic is retired
	 * @throws IllegalArgumentException when a deployment belongs elsewhere
	 */
	void holdTraffic(String application, String environment, Map<UUID, Integer> percentByDeployment);

}
