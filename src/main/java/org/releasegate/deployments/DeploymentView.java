package org.releasegate.deployments;

import java.time.Instant;
import java.util.UUID;

/** A deployment as the API shows it. */
record DeploymentView(UUID id, String application, String environment, String version, String artifact, String commit,
		String pipelineUrl, String endpoint, DeploymentState state, DeploymentHealth health, String healthDetail,
		Instant healthReportedAt, int trafficPercent, String recordedBy, Instant recordedAt, String retiredBy,
		Instant retiredAt) {

	static DeploymentView of(Deployment d) {
		return new DeploymentView(d.id(), d.application(), d.environment(), d.version(), d.artifact(), d.commit(),
				d.pipelineUrl(), d.endpoint(), d.state(), d.health(), d.healthDetail(), d.healthReportedAt(),
				d.trafficPercent(), d.recordedBy(), d.recordedAt(), d.retiredBy(), d.retiredAt());
	}

}
