package org.releasegate.releases;

import java.util.UUID;

/** A release completed: the candidate holds all traffic. */
public record ReleaseCompleted(UUID release, String application, String environment, UUID candidateDeployment) {
}
