package org.releasegate.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends unsealed events to the hash chain. Writers never wait for it: they only insert
 * their event (a trigger queues it in {@code audit_unsealed}). One sealer at a time
 * across all instances, held by a PostgreSQL advisory lock for the length of one short
 * transaction, takes the queued events in id order, links each to the previous hash and
 * appends them to {@code audit_chain}. The chain's order is the order of sealing.
 * <p>
 * With the audit key every link is HMAC-SHA256 ({@code keyed}); without it links are
 * plain SHA-256, unless the chain already has keyed links: then nothing is sealed until
 * the key is configured again (a plain link there would let anyone with the database
 * forge the rest of the chain).
 */
@Component
class AuditSealer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/** Key of the advisory lock that makes one sealer at a time across instances. */
	static final long LOCK_KEY = 0x52454c4541534547L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final Clock clock;

	private final Timer lag;

	private final ReentrantLock sealing = new ReentrantLock();

	/** The audit key's bytes, or null for plain links. */
	private final byte[] key;

	private final AtomicBoolean keyMissingWarned = new AtomicBoolean();

	// one worker, at most one more run queued: a burst of commits wakes it once
	private final ThreadPoolExecutor wakeUps = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1), runnable -> {
				Thread thread = new Thread(runnable, "audit-sealer");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	AuditSealer(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.key = properties.keyed() ? properties.key().getBytes(StandardCharsets.UTF_8) : null;
		if (key == null) {
			log.warn("RELEASEGATE_AUDIT_KEY is not set: the audit chain is plain SHA-256, which anyone who can "
					+ "write the database can recompute. Set a key of 32 or more characters.");
		}
		this.lag = Timer.builder("releasegate.audit.seal.lag")
			.description("Time from recording an audit event to sealing it into the hash chain")
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/** Asks for a seal soon, without waiting for it (called after a commit). */
	void wakeUp() {
		wakeUps.execute(this::sealAll);
	}

	@Scheduled(fixedDelayString = "${releasegate.audit.seal-interval-ms:150}")
	void sealAll() {
		if (!sealing.tryLock()) {
			return;
		}
		try {
			while (sealBatch() == properties.sealBatch()) {
				// a full batch: there may be more
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sealing audit events failed, retrying on the next run: {}", ex.toString());
		}
		finally {
			sealing.unlock();
		}
	}

	/** Seals up to one batch and returns how many events it sealed. */
	int sealBatch() {
		Integer sealed = transactions.execute(status -> {
			Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
			if (!Boolean.TRUE.equals(locked)) {
				return 0; // another instance is sealing
			}
			List<Link> last = jdbc.query("select seq, hash, keyed from audit_chain order by seq desc limit 1", (rs,
					row) -> new Link(rs.getLong("seq"), 0, null, rs.getString("hash"), null, rs.getBoolean("keyed")));
			if (key == null && !last.isEmpty() && last.get(0).keyed()) {
				// a plain link after keyed ones would be a downgrade anyone could forge
				// from here on: the events wait, queued, until the key is back
				if (keyMissingWarned.compareAndSet(false, true)) {
					log.error("Audit events are NOT being sealed: the chain is keyed but RELEASEGATE_AUDIT_KEY "
							+ "is not set. Set the key again; queued events are sealed then.");
				}
				return 0;
			}
			long seq = last.isEmpty() ? 0 : last.get(0).seq();
			String previous = last.isEmpty() ? ChainHash.GENESIS : last.get(0).hash();
			List<Link> links = new ArrayList<>();
			String[] chain = { previous };
			long[] next = { seq };
			jdbc.query("select " + ChainHash.EVENT_COLUMNS + " from audit_unsealed u "
					+ "join audit_events e on e.id = u.event_id order by u.event_id limit ?", rs -> {
						String hash = ChainHash.of(chain[0], rs, key);
						links.add(new Link(++next[0], rs.getLong("id"), chain[0], hash,
								rs.getTimestamp("occurred_at").toInstant(), key != null));
						chain[0] = hash;
					}, properties.sealBatch());
			if (links.isEmpty()) {
				return 0;
			}
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.batchUpdate(
					"insert into audit_chain (seq, event_id, prev_hash, hash, sealed_at, keyed) values (?, ?, ?, ?, ?, ?)",
					links, links.size(), (ps, link) -> {
						ps.setLong(1, link.seq());
						ps.setLong(2, link.eventId());
						ps.setString(3, link.previousHash());
						ps.setString(4, link.hash());
						ps.setTimestamp(5, now);
						ps.setBoolean(6, link.keyed());
					});
			jdbc.update("delete from audit_unsealed where event_id = any(?)",
					(Object) links.stream().map(Link::eventId).toArray(Long[]::new));
			Instant sealedAt = now.toInstant();
			links.forEach(link -> lag.record(Duration.between(link.occurredAt(), sealedAt).abs()));
			return links.size();
		});
		return sealed == null ? 0 : sealed;
	}

	@Override
	public void destroy() {
		wakeUps.shutdownNow();
	}

	private record Link(long seq, long eventId, String previousHash, String hash, Instant occurredAt, boolean keyed) {
	}

}
