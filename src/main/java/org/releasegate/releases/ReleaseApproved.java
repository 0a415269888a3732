package org.releasegate.releases;

import java.util.List;
import java.util.UUID;

/** A release was approved by the product owners (or by policy). */
public record ReleaseApproved(UUID release, String application, String environment, List<String> approvedBy,
		boolean byPolicy) {
}
