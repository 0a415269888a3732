package org.releasegate.deployments;

import java.util.UUID;

/** A version was removed from the servers: traffic can no longer be sent to it. */
public record DeploymentRetired(UUID deploymentId, String application, String environment, String version) {
}
