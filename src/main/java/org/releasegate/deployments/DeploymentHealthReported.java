package org.releasegate.deployments;

import java.util.UUID;

/** The application or its monitoring reported how a deployment is doing. */
public record DeploymentHealthReported(UUID deploymentId, String application, String environment, String version,
		DeploymentHealth health, String detail) {
}
