package org.releasegate.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One audit event as auditors read it. */
public record AuditEventView(long id, Instant occurredAt, String actor, String actorKind, String action,
		String subjectType, String subjectId, String application, String environment, JsonNode before, JsonNode after) {
}
