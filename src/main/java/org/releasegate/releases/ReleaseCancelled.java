package org.releasegate.releases;

import java.util.UUID;

/** A release was cancelled before it started. */
public record ReleaseCancelled(UUID release, String application, String environment, String cancelledBy,
		String reason) {
}
