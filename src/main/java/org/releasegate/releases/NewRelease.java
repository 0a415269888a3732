package org.releasegate.releases;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything a release starts with, checked against the catalogs: the stable deployment
 * is {@code null} on a first release.
 */
record NewRelease(String application, String environment, UUID candidateId, String candidateVersion, UUID stableId,
		String stableVersion, Strategy strategy, Instant scheduledStart, String onCallContact, String summary,
		String ticketUrl, String requestedBy) {
}
