package org.releasegate.traffic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.releasegate.traffic.Bindings.instant;
import static org.releasegate.traffic.Bindings.timestamp;

/** Traffic changes, the history of desired splits, and drift, in PostgreSQL. */
@Repository
class TrafficLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Bindings bindings;

	TrafficLog(JdbcClient jdbc, JsonMapper json, Bindings bindings) {
		this.jdbc = jdbc;
		this.json = json;
		this.bindings = bindings;
	}

	/**
	 * The change to push, replacing any change still pending for the binding: the tail of
	 * a {@code with} statement, named parameters as in {@link #parameters}.
	 */
	private static final String SUPERSEDE_AND_REQUEST = """
			superseded as (
			  update traffic_changes set status = 'SUPERSEDED'
			  where application = :application and environment = :environment and status = 'PENDING')
			insert into traffic_changes (id, application, environment, kind, split, members, adapter, reason,
			                             status, attempts, requested_at)
			values (:id, :application, :environment, :kind, cast(:split as jsonb), cast(:members as jsonb), :adapter,
			        :reason, 'PENDING', 0, :requestedAt)
			""";

	/** Records a change to push, replacing any change still pending for the binding. */
	void request(TrafficChange change) {
		jdbc.sql("with " + SUPERSEDE_AND_REQUEST).params(parameters(change)).update();
	}

	/**
	 * A decision in one statement (one database round trip, as rollbacks must be fast):
	 * the binding's new desired split, its history entry, and the change to push, which
	 * replaces any change still pending for the binding.
	 */
	void decide(TrafficChange change, String actor) {
		Map<String, Object> parameters = parameters(change);
		parameters.put("holder", change.split().holder().orElse(null));
		parameters.put("actor", actor);
		jdbc.sql("""
				with desired as (
				  update router_bindings set desired = cast(:split as jsonb), in_sync = false, updated_at = :requestedAt
				  where application = :application and environment = :environment),
				history as (
				  insert into traffic_splits (application, environment, split, holder, reason, actor, changed_at)
				  values (:application, :environment, cast(:split as jsonb), :holder, :reason, :actor, :requestedAt)),
				""" + SUPERSEDE_AND_REQUEST).params(parameters).update();
	}

	private Map<String, Object> parameters(TrafficChange change) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", change.id());
		parameters.put("application", change.application());
		parameters.put("environment", change.environment());
		parameters.put("kind", change.kind().name());
		parameters.put("split", bindings.writeSplit(change.split()));
		parameters.put("members", bindings.write(change.members()));
		parameters.put("adapter", change.adapter());
		parameters.put("reason", clip(change.reason()));
		parameters.put("requestedAt", timestamp(change.requestedAt()));
		return parameters;
	}

	Optional<TrafficChange> pending(String application, String environment) {
		return jdbc
			.sql("select * from traffic_changes where application = ? and environment = ? "
					+ "and status = 'PENDING' order by requested_at desc limit 1")
			.params(application, environment)
			.query(this::change)
			.optional();
	}

	Optional<TrafficChange> find(UUID id) {
		return jdbc.sql("select * from traffic_changes where id = ?").param(id).query(this::change).optional();
	}

	List<TrafficChange> recent(String application, String environment, int limit) {
		return jdbc
			.sql("select * from traffic_changes where application = ? and environment = ? "
					+ "order by requested_at desc limit ?")
			.params(application, environment, limit)
			.query(this::change)
			.list();
	}

	void attempted(UUID change, Instant now, String error) {
		jdbc.sql("update traffic_changes set attempts = attempts + 1, last_attempt_at = ?, last_error = ? where id = ?")
			.params(timestamp(now), clip(error), change)
			.update();
	}

	/**
	 * The load balancer confirmed a change, in one statement: the change is applied, the
	 * binding in sync with what was observed, and open drift resolved.
	 */
	void applied(TrafficChange change, Map<String, Double> observed, Instant now) {
		jdbc.sql("""
				with change as (
				  update traffic_changes set attempts = attempts + 1, last_attempt_at = ?, applied_at = ?,
				         status = 'APPLIED', last_error = null
				  where id = ?),
				drift as (
				  update traffic_drift set resolved_at = ?
				  where application = ? and environment = ? and resolved_at is null)
				update router_bindings set observed = ?::jsonb, observed_at = ?, in_sync = true, last_error = null,
				       last_applied_at = ?
				where application = ? and environment = ?
				""")
			.params(timestamp(now), timestamp(now), change.id(), //
					timestamp(now), change.application(), change.environment(), //
					bindings.write(observed), timestamp(now), timestamp(now), change.application(),
					change.environment())
			.update();
	}

	/** Appends a desired split to the history. */
	void decided(String application, String environment, Split split, String reason, String actor, Instant now) {
		jdbc.sql("""
				insert into traffic_splits (application, environment, split, holder, reason, actor, changed_at)
				values (?, ?, ?::jsonb, ?, ?, ?, ?)
				""")
			.params(application, environment, bindings.writeSplit(split), split.holder().orElse(null), clip(reason),
					actor, timestamp(now))
			.update();
	}

	/** The deployments that held 100% of the desired split, most recent first. */
	List<UUID> holdersNewestFirst(String application, String environment) {
		return jdbc
			.sql("select holder from traffic_splits where application = ? and environment = ? "
					+ "and holder is not null order by id desc limit 500")
			.params(application, environment)
			.query(UUID.class)
			.list();
	}

	/**
	 * The desired splits decided from {@code from} until {@code to}, oldest first,
	 * starting with the one in force at {@code from}.
	 */
	List<TrafficControl.SplitChange> history(String application, String environment, Instant from, Instant to,
			int limit) {
		return jdbc.sql("""
				select split::text, actor, reason, changed_at from traffic_splits
				where application = :application and environment = :environment and changed_at <= :to
				  and id >= coalesce((select id from traffic_splits
				                      where application = :application and environment = :environment
				                        and changed_at <= :from
				                      order by id desc limit 1), 0)
				order by id limit :limit
				""")
			.param("application", application)
			.param("environment", environment)
			.param("from", timestamp(from))
			.param("to", timestamp(to))
			.param("limit", limit)
			.query((rs, row) -> new TrafficControl.SplitChange(instant(rs.getTimestamp(4)),
					bindings.readSplit(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** When the open drift of a binding was detected, if it is drifting. */
	Optional<Instant> driftSince(String application, String environment) {
		return jdbc
			.sql("select detected_at from traffic_drift where application = ? and environment = ? "
					+ "and resolved_at is null order by id desc limit 1")
			.params(application, environment)
			.query((rs, row) -> instant(rs.getTimestamp(1)))
			.optional();
	}

	/** Records drift unless drift is already open for the binding; true if new. */
	boolean drifted(String application, String environment, Map<String, Double> desired, Map<String, Double> observed,
			boolean corrected, Instant now) {
		Integer open = jdbc
			.sql("select count(*) from traffic_drift where application = ? and environment = ? "
					+ "and resolved_at is null")
			.params(application, environment)
			.query(Integer.class)
			.single();
		if (open > 0) {
			return false;
		}
		jdbc.sql("""
				insert into traffic_drift (application, environment, desired, observed, corrected, detected_at)
				values (?, ?, ?::jsonb, ?::jsonb, ?, ?)
				""")
			.params(application, environment, bindings.write(desired), bindings.write(observed), corrected,
					timestamp(now))
			.update();
		return true;
	}

	void inSync(String application, String environment, Instant now) {
		jdbc.sql("update traffic_drift set resolved_at = ? where application = ? and environment = ? "
				+ "and resolved_at is null")
			.params(timestamp(now), application, environment)
			.update();
	}

	List<Drift> drift(String application, String environment, int limit) {
		return jdbc.sql("""
				select desired::text, observed::text, corrected, detected_at, resolved_at from traffic_drift
				where application = ? and environment = ? order by id desc limit ?
				""")
			.params(application, environment, limit)
			.query((rs, row) -> new Drift(bindings.readShares(rs.getString(1)), bindings.readShares(rs.getString(2)),
					rs.getBoolean(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
			.list();
	}

	private TrafficChange change(ResultSet rs, int row) throws SQLException {
		Map<String, Double> members = json.readValue(rs.getString("members"), new TypeReference<Map<String, Double>>() {
		});
		return new TrafficChange(rs.getObject("id", UUID.class), rs.getString("application"),
				rs.getString("environment"), TrafficChange.Kind.valueOf(rs.getString("kind")),
				bindings.readSplit(rs.getString("split")), members, rs.getString("adapter"), rs.getString("reason"),
				TrafficChange.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("last_attempt_at")),
				instant(rs.getTimestamp("applied_at")), rs.getString("last_error"));
	}

	static String clip(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	/** A time the load balancer differed from the desired split. */
	record Drift(Map<String, Double> desired, Map<String, Double> observed, boolean corrected, Instant detectedAt,
			Instant resolvedAt) {
	}

}
