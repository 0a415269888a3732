package org.releasegate.releases;

import java.util.UUID;

/**
 * A gradual rollback went back to a step: the candidate now gets {@code weight} percent.
 */
public record ReleaseSteppedBack(UUID release, String application, String environment, int step, int weight) {
}
