package org.releasegate.deployments;

import java.util.UUID;

/** A new version now runs beside the old one, with no user traffic. */
public record DeploymentRecorded(UUID deploymentId, String application, String environment, String version,
		String endpoint) {
}
