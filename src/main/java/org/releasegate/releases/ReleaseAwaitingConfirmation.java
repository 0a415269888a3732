package org.releasegate.releases;

import java.util.UUID;

/**
 * A canary reached the step before one marked {@code requiresConfirmation}: it goes on to
 * step {@code step} ({@code weight} percent) only when a product owner of the application
 * promotes it.
 */
public record ReleaseAwaitingConfirmation(UUID release, String application, String environment, int step, int weight) {
}
