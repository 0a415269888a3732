package org.releasegate.releases;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the background settler last read for checklist items that call out: a read of a
 * release shows the reading and its age, and never calls out itself.
 */
@Component
class ChecklistReadings {

	private final JdbcClient jdbc;

	ChecklistReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(UUID release, String item, Instant at, boolean passed, String evidence) {
		jdbc.sql("insert into release_checklist_readings (release_id, item, read_at, passed, evidence) "
				+ "values (?, ?, ?, ?, ?) on conflict (release_id, item) do update set read_at = excluded.read_at, "
				+ "passed = excluded.passed, evidence = excluded.evidence")
			.params(release, item, java.sql.Timestamp.from(at), passed, evidence)
			.update();
	}

	Optional<Reading> latest(UUID release, String item) {
		return jdbc
			.sql("select read_at, passed, evidence from release_checklist_readings "
					+ "where release_id = ? and item = ?")
			.params(release, item)
			.query((rs, row) -> new Reading(rs.getTimestamp("read_at").toInstant(), rs.getBoolean("passed"),
					rs.getString("evidence")))
			.optional();
	}

	record Reading(Instant at, boolean passed, String evidence) {
	}

}
