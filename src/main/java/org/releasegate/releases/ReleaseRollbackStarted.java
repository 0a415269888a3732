package org.releasegate.releases;

import java.util.UUID;

/**
 * A gradual rollback began: the candidate's share walks the canary's steps back to the
 * stable deployment, one {@link ReleaseSteppedBack} at a time, and ends in
 * {@link ReleaseRolledBack}.
 */
public record ReleaseRollbackStarted(UUID release, String application, String environment, UUID stableDeployment,
		String reason, String startedBy) {
}
