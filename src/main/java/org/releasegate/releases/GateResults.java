package org.releasegate.releases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The health-gate evaluations of releases, kept for the record and shown with them. */
@Component
class GateResults {

	private final JdbcClient jdbc;

	GateResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID release, int step, Instant at, boolean passed, String evidence) {
		jdbc.sql("insert into release_gate_results (release_id, step, evaluated_at, passed, evidence) "
				+ "values (?, ?, ?, ?, ?)")
			.params(release, step, java.sql.Timestamp.from(at), passed, evidence)
			.update();
	}

	/** The newest results first. */
	List<GateResult> latest(UUID release, int limit) {
		return jdbc
			.sql("select step, evaluated_at, passed, evidence from release_gate_results where release_id = ? "
					+ "order by id desc limit ?")
			.params(release, limit)
			.query((rs, row) -> new GateResult(rs.getInt("step"), rs.getTimestamp("evaluated_at").toInstant(),
					rs.getBoolean("passed"), rs.getString("evidence")))
			.list();
	}

	/** One evaluation of a release's health gates. */
	record GateResult(int step, Instant evaluatedAt, boolean passed, String evidence) {
	}

}
