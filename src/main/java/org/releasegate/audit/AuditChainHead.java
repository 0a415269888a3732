package org.releasegate.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the chain's head outside the database: every
 * {@code releasegate.audit.publish-head-interval-ms} a log line with its sequence number
 * and hash, and the gauges {@code releasegate_audit_chain_head_seq} and
 * {@code releasegate_audit_chain_head_hash} (the hash's first 13 hex digits as a number,
 * exact in a double). Log archives and Prometheus keep the history of heads; a chain
 * rewritten later, even by someone holding the key and the database, no longer contains
 * the heads published before.
 */
@Component
class AuditChainHead {

	private static final Logger log = LoggerFactory.getLogger(AuditChainHead.class);

	private final JdbcTemplate jdbc;

	private final AtomicLong seq = new AtomicLong(-1);

	private final AtomicLong hashPrefix = new AtomicLong(-1);

	AuditChainHead(JdbcTemplate jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		Gauge.builder("releasegate.audit.chain.head.seq", seq, AtomicLong::get)
			.description("Sequence number of the audit chain's last link at the last publication")
			.register(meters);
		Gauge.builder("releasegate.audit.chain.head.hash", hashPrefix, AtomicLong::get)
			.description("First 13 hex digits of the audit chain's last link hash, as a number")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${releasegate.audit.publish-head-interval-ms:300000}", initialDelay = 5_000)
	void publish() {
		List<String[]> head = jdbc.query("select seq, hash, keyed from audit_chain order by seq desc limit 1",
				(rs, row) -> new String[] { rs.getString("seq"), rs.getString("hash"),
						rs.getBoolean("keyed") ? "keyed" : "plain" });
		if (head.isEmpty()) {
			return;
		}
		String[] link = head.get(0);
		seq.set(Long.parseLong(link[0]));
		hashPrefix.set(Long.parseLong(link[1].substring(0, 13), 16));
		log.info("Audit chain head: seq {} hash {} ({})", link[0], link[1], link[2]);
	}

}
