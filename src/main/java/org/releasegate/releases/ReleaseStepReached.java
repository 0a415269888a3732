package org.releasegate.releases;

import java.util.UUID;

/** A release reached a step: the candidate now gets {@code weight} percent. */
public record ReleaseStepReached(UUID release, String application, String environment, int step, int weight) {
}
