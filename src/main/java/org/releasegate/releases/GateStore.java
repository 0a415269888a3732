package org.releasegate.releases;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The health gates per application and environment, kept as one JSON document each. */
@Component
class GateStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	GateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HealthGates> find(String application, String environment) {
		return jdbc.sql("select config from health_gates where application = ? and environment = ?")
			.params(application, environment)
			.query(String.class)
			.optional()
			.map(json -> JSON.readValue(json, HealthGates.class));
	}

	/** The configured gates, or {@link HealthGates#DEFAULT} where none are. */
	HealthGates effective(String application, String environment) {
		return find(application, environment).orElse(HealthGates.DEFAULT);
	}

	void save(String application, String environment, HealthGates gates, String by, Instant at) {
		jdbc.sql("insert into health_gates (application, environment, config, updated_by, updated_at) "
				+ "values (?, ?, ?, ?, ?) on conflict (application, environment) do update set "
				+ "config = excluded.config, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
			.params(application, environment, JSON.writeValueAsString(gates), by, java.sql.Timestamp.from(at))
			.update();
	}

}
