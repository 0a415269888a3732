package org.releasegate.audit;

/**
 * What changed: an action on a subject, within an application and environment where it
 * applies, with the state before and after (any value that serialises to JSON, or null).
 */
public record AuditEntry(String action, String subjectType, String subjectId, String application, String environment,
		Object before, Object after) {

	public AuditEntry {
		if (action == null || action.isBlank() || subjectType == null || subjectId == null) {
			throw new IllegalArgumentException("an audit entry needs an action and a subject");
		}
	}

	public static AuditEntry of(String action, String subjectType, Object subjectId) {
		return new AuditEntry(action, subjectType, String.valueOf(subjectId), null, null, null, null);
	}

	public AuditEntry in(String application, String environment) {
		return new AuditEntry(action, subjectType, subjectId, application, environment, before, after);
	}

	public AuditEntry before(Object before) {
		return new AuditEntry(action, subjectType, subjectId, application, environment, before, after);
	}

	public AuditEntry after(Object after) {
		return new AuditEntry(action, subjectType, subjectId, application, environment, before, after);
	}

}
