package org.releasegate.releases;

import java.util.UUID;

/** A release was resumed after a pause. */
public record ReleaseResumed(UUID release, String application, String environment, int step) {
}
