package org.releasegate.audit;

import java.time.Instant;

/** Filters of the audit history; every one is optional. */
public record AuditQuery(String application, String environment, String actor, String action, String subjectType,
		String subjectId, Instant from, Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, null, null);
	}

	public AuditQuery {
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
	}

}
