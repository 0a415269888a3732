package org.releasegate.deployments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a health report pushed by an application or its monitoring. */
record HealthReport(@NotNull Status status, @Size(max = 1000) String detail) {

	/** What a report may say; UNKNOWN is only the state before any report. */
	enum Status {

		HEALTHY, DEGRADED, FAILING;

		DeploymentHealth asHealth() {
			return DeploymentHealth.valueOf(name());
		}

	}

}
