package org.releasegate.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.traffic.adapter.BindingSettings;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Router bindings in PostgreSQL. The row lock on a binding is what lets one instance at a
 * time talk to its load balancer.
 */
@Repository
class Bindings {

	private static final String COLUMNS = """
			select application, environment, adapter, settings::text, drift_policy, desired::text, observed::text,
			       observed_at, in_sync, last_error, last_applied_at
			from router_bindings where application = ? and environment = ?
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	Bindings(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	Optional<Binding> find(String application, String environment) {
		return jdbc.sql(COLUMNS).params(application, environment).query(this::map).optional();
	}

	/** Locks the binding, or answers empty at once when another transaction holds it. */
	Optional<Binding> lockOrSkip(String application, String environment) {
		return jdbc.sql(COLUMNS + " for update skip locked")
			.params(application, environment)
			.query(this::map)
			.optional();
	}

	/** Locks the binding, waiting for another transaction that holds it. */
	Optional<Binding> lock(String application, String environment) {
		return jdbc.sql(COLUMNS + " for update").params(application, environment).query(this::map).optional();
	}

	/**
	 * Locks the binding, waiting at most the given time for another transaction. A
	 * timeout aborts the transaction, so callers must do nothing else in it after an
	 * empty answer.
	 */
	Optional<Binding> lock(String application, String environment, Duration wait) {
		// both statements go to PostgreSQL in one round trip
		String sql = "select set_config('lock_timeout', ?, true);\n" + COLUMNS + " for update";
		try {
			return this.template.execute((Connection connection) -> connection.prepareStatement(sql),
					(PreparedStatement statement) -> {
						statement.setString(1, wait.toMillis() + "ms");
						statement.setString(2, application);
						statement.setString(3, environment);
						statement.execute();
						statement.getMoreResults();
						try (ResultSet rs = statement.getResultSet()) {
							return rs.next() ? Optional.of(map(rs, 0)) : Optional.<Binding>empty();
						}
					});
		}
		catch (PessimisticLockingFailureException busy) {
			return Optional.empty();
		}
	}

	List<Key> keys() {
		return jdbc.sql("select application, environment from router_bindings order by application, environment")
			.query((rs, row) -> new Key(rs.getString(1), rs.getString(2)))
			.list();
	}

	void insert(Binding binding, Instant now) {
		jdbc.sql("""
				insert into router_bindings (application, environment, adapter, settings, drift_policy, desired,
				                             observed, observed_at, in_sync, created_at, updated_at)
				values (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
				""")
			.params(binding.application(), binding.environment(), binding.adapter(), write(binding.settings().values()),
					binding.driftPolicy().name(), writeSplit(binding.desired()), write(binding.observed()),
					timestamp(binding.observedAt()), binding.inSync(), timestamp(now), timestamp(now))
			.update();
	}

	void updateSettings(Binding binding, Instant now) {
		jdbc.sql("""
				update router_bindings set adapter = ?, settings = ?::jsonb, drift_policy = ?, observed = ?::jsonb,
				       observed_at = ?, updated_at = ?
				where application = ? and environment = ?
				""")
			.params(binding.adapter(), write(binding.settings().values()), binding.driftPolicy().name(),
					write(binding.observed()), timestamp(binding.observedAt()), timestamp(now), binding.application(),
					binding.environment())
			.update();
	}

	/**
	 * What the load balancer reported (null when it could not be read, with the error).
	 */
	void observed(String application, String environment, Map<String, Double> observed, boolean inSync, String error,
			Instant now) {
		jdbc.sql("""
				update router_bindings set observed = coalesce(?::jsonb, observed),
				       observed_at = case when ? then ? else observed_at end, in_sync = ?, last_error = ?
				where application = ? and environment = ?
				""")
			.params(write(observed), observed != null, timestamp(now), inSync, TrafficLog.clip(error), application,
					environment)
			.update();
	}

	private Binding map(ResultSet rs, int row) throws SQLException {
		Map<String, String> settings = json.readValue(rs.getString(4), new TypeReference<Map<String, String>>() {
		});
		Boolean inSync = rs.getObject(9) == null ? null : rs.getBoolean(9);
		return new Binding(rs.getString(1), rs.getString(2), rs.getString(3), new BindingSettings(settings),
				DriftPolicy.valueOf(rs.getString(5)), readSplit(rs.getString(6)), readShares(rs.getString(7)),
				instant(rs.getTimestamp(8)), inSync, rs.getString(10), instant(rs.getTimestamp(11)));
	}

	String writeSplit(Split split) {
		return split == null ? null : write(split.percentByDeployment());
	}

	Split readSplit(String text) {
		return text == null ? null : new Split(json.readValue(text, new TypeReference<Map<UUID, Integer>>() {
		}));
	}

	Map<String, Double> readShares(String text) {
		return text == null ? null : json.readValue(text, new TypeReference<Map<String, Double>>() {
		});
	}

	String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** An application and environment. */
	record Key(String application, String environment) {
	}

}
