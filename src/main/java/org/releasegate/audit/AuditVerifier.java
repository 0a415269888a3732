package org.releasegate.audit;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the hash chain in sealing order and recomputes every link from the event row as
 * it is now. An event changed behind the triggers' back, a link removed or reordered, or
 * an event deleted all break the chain at that event.
 */
@Service
class AuditVerifier {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);

	private final JdbcTemplate jdbc;

	// 1 valid, 0 broken, -1 not checked yet
	private final AtomicInteger lastOutcome = new AtomicInteger(-1);

	private final AtomicInteger lastUnsealed = new AtomicInteger();

	private final byte[] key;

	AuditVerifier(DataSource dataSource, AuditProperties properties, MeterRegistry meters) {
		this.key = properties.keyed() ? properties.key().getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
		// a template of its own: it streams the chain a page of rows at a time
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(properties.exportFetchSize());
		Gauge.builder("releasegate.audit.chain.valid", lastOutcome, AtomicInteger::get)
			.description("1 when the last verification found the audit hash chain intact, 0 when broken, "
					+ "-1 before the first one")
			.register(meters);
		Gauge.builder("releasegate.audit.chain.unsealed", lastUnsealed, AtomicInteger::get)
			.description("Audit events not yet sealed at the last verification")
			.register(meters);
	}

	// one consistent snapshot of the chain and the events it links
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		Walk walk = new Walk(key);
		jdbc.query("select c.seq, c.event_id as chained_id, c.prev_hash, c.hash, c.keyed, " + ChainHash.EVENT_COLUMNS
				+ " from audit_chain c left join audit_events e on e.id = c.event_id order by c.seq", walk);
		Long unsealed = jdbc.queryForObject(
				"select count(*) from audit_events e where not exists (select 1 from audit_chain c where c.event_id = e.id)",
				Long.class);
		ChainVerification outcome = new ChainVerification(walk.broken == null, walk.checked, walk.broken,
				unsealed == null ? 0 : unsealed, walk.unkeyed, walk.problem);
		lastOutcome.set(outcome.valid() ? 1 : 0);
		lastUnsealed.set((int) Math.min(Integer.MAX_VALUE, outcome.unsealedEvents()));
		return outcome;
	}

	@Scheduled(fixedDelayString = "${releasegate.audit.verify-interval-ms:600000}", initialDelay = 30_000)
	void verifyInBackground() {
		ChainVerification outcome = verify();
		if (outcome.valid()) {
			log.info("Audit hash chain verified: valid, {} events checked, {} unsealed", outcome.checkedEvents(),
					outcome.unsealedEvents());
		}
		else {
			log.error("Audit hash chain BROKEN at event {} ({} events checked): {}", outcome.firstBrokenEventId(),
					outcome.checkedEvents(), outcome.problem());
		}
	}

	/** Checks links one by one, stopping at the first that does not hold. */
	private static final class Walk implements RowCallbackHandler {

		private final byte[] key;

		private long unkeyed;

		private boolean keyedSeen;

		private String problem;

		Walk(byte[] key) {
			this.key = key;
		}

		private long checked;

		private long expectedSeq = 1;

		private String previous = ChainHash.GENESIS;

		private Long broken;

		@Override
		public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
			if (broken != null) {
				return;
			}
			checked++;
			long eventId = rs.getLong("chained_id");
			boolean keyed = rs.getBoolean("keyed");
			if (keyed && key == null) {
				broken = eventId;
				problem = "the chain is keyed from this event on, and RELEASEGATE_AUDIT_KEY is not set";
				return;
			}
			if (!keyed && keyedSeen) {
				broken = eventId;
				problem = "a plain link after keyed ones: the history from here was rewritten";
				return;
			}
			boolean eventExists = rs.getObject("id") != null;
			boolean holds = eventExists && rs.getLong("seq") == expectedSeq
					&& previous.equals(rs.getString("prev_hash"))
					&& ChainHash.of(previous, rs, keyed ? key : null).equals(rs.getString("hash"));
			if (!holds) {
				broken = eventId;
				problem = "the event, its link or its place in the chain no longer matches: the audit history was altered";
				return;
			}
			keyedSeen |= keyed;
			unkeyed += keyed ? 0 : 1;
			previous = rs.getString("hash");
			expectedSeq++;
		}

	}

}
