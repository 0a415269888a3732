package org.releasegate.releases;

import java.util.UUID;

/** A release was rolled back: traffic returns to the stable deployment. */
public record ReleaseRolledBack(UUID release, String application, String environment, UUID stableDeployment,
		String reason, String rolledBackBy) {
}
