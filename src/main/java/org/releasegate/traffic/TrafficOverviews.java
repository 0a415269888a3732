package org.releasegate.traffic;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.releasegate.traffic.TrafficControl.BindingState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Router bindings of many environments in one statement, each with its drift and push
 * state.
 */
@Service
@Transactional(readOnly = true)
class TrafficOverviews implements TrafficOverview {

	private static final String SELECT = """
			select b.application, b.environment, b.adapter, b.desired::text as desired, b.observed_at, b.in_sync,
			       b.last_error, b.last_applied_at,
			       exists (select 1 from traffic_changes c
			               where c.application = b.application and c.environment = b.environment
			                 and c.status = 'PENDING') as applying,
			       (select d.detected_at from traffic_drift d
			        where d.application = b.application and d.environment = b.environment and d.resolved_at is null
			        order by d.id desc limit 1) as drift_since,
			       array(select h.holder from (select s.holder, max(s.id) as newest from traffic_splits s
			                                   where s.application = b.application and s.environment = b.environment
			                                     and s.holder is not null
			                                   group by s.holder) h
			             order by h.newest desc limit 50) as holders
			from router_bindings b
			""";

	private final JdbcClient jdbc;

	private final Bindings bindings;

	TrafficOverviews(JdbcClient jdbc, Bindings bindings) {
		this.jdbc = jdbc;
		this.bindings = bindings;
	}

	@Override
	public List<EnvironmentTraffic> of(Collection<String> applications) {
		if (applications.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where b.application = any(:applications) order by b.application, b.environment")
			.param("applications", applications.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	@Override
	public List<EnvironmentTraffic> troubled(int limit) {
		return jdbc
			.sql("select * from (" + SELECT + ") t where t.last_error is not null or t.drift_since is not null "
					+ "order by coalesce(t.drift_since, t.observed_at), t.application, t.environment limit :limit")
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private EnvironmentTraffic map(ResultSet row, int number) throws SQLException {
		Split desired = bindings.readSplit(row.getString("desired"));
		BindingState state = new BindingState(row.getString("adapter"), row.getBoolean("in_sync"),
				row.getBoolean("applying"), instant(row, "observed_at"), instant(row, "last_applied_at"),
				row.getString("last_error"), instant(row, "drift_since"));
		Array holders = row.getArray("holders");
		return new EnvironmentTraffic(row.getString("application"), row.getString("environment"), state,
				desired == null ? null : desired.holder().orElse(null),
				List.copyOf(Arrays.asList((UUID[]) holders.getArray())));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp at = row.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
