package org.releasegate.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code notification_deliveries} table: rows are added in the transaction of the
 * change, claimed with {@code FOR UPDATE SKIP LOCKED} by one instance at a time, and
 * marked once sent or given up.
 */
@Component
class Outbox {

	private static final String COLUMNS = "id, event, release_id, application, environment, channel, recipient, title, summary, link, occurred_at, attempts";

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Adds a delivery unless the recipient already has this notice on this channel. */
	void add(Notice notice, String channel, String recipient) {
		jdbc.sql("""
				insert into notification_deliveries (id, notice_key, event, release_id, application, environment,
				    channel, recipient, title, summary, link, occurred_at, status, next_attempt_at)
				values (:id, :key, :event, :release, :application, :environment, :channel, :recipient, :title,
				    :summary, :link, :occurredAt, 'PENDING', :occurredAt)
				on conflict (notice_key, channel, recipient) do nothing""")
			.param("id", UUID.randomUUID())
			.param("key", notice.key())
			.param("event", notice.event())
			.param("release", notice.release())
			.param("application", notice.application())
			.param("environment", notice.environment())
			.param("channel", channel)
			.param("recipient", recipient)
			.param("title", clip(notice.title(), 500))
			.param("summary", notice.summary())
			.param("link", notice.link())
			.param("occurredAt", Timestamp.from(notice.occurredAt()))
			.update();
	}

	/**
	 * Claims due deliveries for this instance: their next attempt moves a lease ahead, so
	 * no other instance takes them while they are being sent. Run it in a transaction of
	 * its own; it commits before anything is sent. Only deliveries over the given
	 * channels are claimed: an instance that lacks a channel (another configuration
	 * during a rolling update) leaves its deliveries to the instances that have it.
	 */
	List<Delivery> claim(int limit, Duration lease, Set<String> channels) {
		if (channels.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				with due as (
				    select id from notification_deliveries
				    where status = 'PENDING' and next_attempt_at <= :now and channel in (:channels)
				    order by next_attempt_at limit :limit
				    for update skip locked)
				update notification_deliveries d set attempts = d.attempts + 1, next_attempt_at = :leasedUntil
				from due where d.id = due.id
				returning %s""".formatted(prefixed()))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.param("channels", channels)
			.param("leasedUntil", Timestamp.from(now.plus(lease)))
			.query(Outbox::delivery)
			.list();
	}

	void sent(UUID id) {
		jdbc.sql("update notification_deliveries set status = 'SENT', sent_at = :now, last_error = null where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
	}

	/**
	 * Records a failed attempt: retried at the given time, or given up when it is null.
	 */
	void failed(UUID id, String error, Instant retryAt) {
		jdbc.sql("""
				update notification_deliveries
				set status = :status, last_error = :error, next_attempt_at = coalesce(:retryAt, next_attempt_at)
				where id = :id""")
			.param("status", retryAt == null ? "FAILED" : "PENDING")
			.param("error", clip(error, 500))
			.param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
			.param("id", id)
			.update();
	}

	/** Every delivery about the release, oldest first. */
	List<DeliveryRecord> history(UUID release) {
		return jdbc.sql("""
				select event, channel, recipient, title, status, attempts, occurred_at, sent_at, last_error
				from notification_deliveries where release_id = :release order by occurred_at, channel, recipient""")
			.param("release", release)
			.query((rs, n) -> new DeliveryRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					DeliveryRecord.Status.valueOf(rs.getString(5)), rs.getInt(6), instant(rs, 7), instant(rs, 8),
					rs.getString(9)))
			.list();
	}

	private static String prefixed() {
		return "d." + COLUMNS.replace(", ", ", d.");
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("event"),
				rs.getObject("release_id", UUID.class), rs.getString("application"), rs.getString("environment"),
				rs.getString("channel"), rs.getString("recipient"), rs.getString("title"), rs.getString("summary"),
				rs.getString("link"), rs.getTimestamp("occurred_at").toInstant(), rs.getInt("attempts"));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String clip(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
