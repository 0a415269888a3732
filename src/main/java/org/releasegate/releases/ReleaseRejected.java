package org.releasegate.releases;

import java.util.UUID;

/** A release was rejected by a product owner. */
public record ReleaseRejected(UUID release, String application, String environment, String rejectedBy, String comment) {
}
