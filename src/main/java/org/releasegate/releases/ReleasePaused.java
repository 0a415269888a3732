package org.releasegate.releases;

import java.util.UUID;

/** A release was paused at a step. */
public record ReleasePaused(UUID release, String application, String environment, int step) {
}
