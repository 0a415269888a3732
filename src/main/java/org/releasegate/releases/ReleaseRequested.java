package org.releasegate.releases;

import java.util.UUID;

/** A release was requested. */
public record ReleaseRequested(UUID release, String application, String environment, String candidateVersion,
		String requestedBy) {
}
