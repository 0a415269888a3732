package org.releasegate.releases;

import java.util.UUID;

/** A release started: traffic begins to move to the candidate. */
public record ReleaseStarted(UUID release, String application, String environment, UUID stableDeployment,
		UUID candidateDeployment) {
}
