package org.releasegate.audit;

import java.sql.Timestamp;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Component
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditSealer sealer;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.sealer = sealer;
	}

	@Override
	@Transactional
	public void record(AuditEntry entry, Actor actor) {
		jdbc.sql("""
				insert into audit_events (occurred_at, actor, actor_kind, action, subject_type, subject_id,
				                          application, environment, before_state, after_state)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
				""")
			.params(Timestamp.from(clock.instant()), actor.name(), actor.kind().name(), entry.action(),
					entry.subjectType(), entry.subjectId(), entry.application(), entry.environment(),
					toJson(entry.before()), toJson(entry.after()))
			.update();
		// the event is sealed into the hash chain right after it commits (or, at the
		// latest,
		// by the sealer's next scheduled run)
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sealer.wakeUp();
				}
			});
		}
	}

	private String toJson(Object value) {
		return value == null ? null : json.writeValueAsString(SecretMasking.mask(json.valueToTree(value)));
	}

}
