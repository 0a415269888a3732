package org.releasegate.deployments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A deployment as other modules see it. */
public record DeploymentSummary(UUID id, String application, String environment, String version, String endpoint,
		DeploymentState state, DeploymentHealth health, String healthDetail, Instant healthReportedAt,
		int trafficPercent, Instant recordedAt) {

	public boolean isRunning() {
		return state == DeploymentState.RUNNING;
	}

	/**
	 * The load-balancer members this deployment is known by: its endpoint, split at
	 * commas.
	 */
	public List<String> members() {
		return Endpoint.members(endpoint);
	}

}
