package org.releasegate.audit;

/**
 * Records audit events. Call it inside the transaction that makes the change, so that the
 * change and its record commit or fail together.
 */
public interface AuditLog {

	/** Records the entry as done by the actor of the current request. */
	default void record(AuditEntry entry) {
		record(entry, Actor.current());
	}

	void record(AuditEntry entry, Actor actor);

}
