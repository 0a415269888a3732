package org.releasegate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.common.Cursor;
import org.releasegate.common.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit history, newest first, with keyset paging over the event id. */
@Service
@Transactional(readOnly = true)
public class AuditHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Slice<AuditEventView> find(AuditQuery query, String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, actor, actor_kind, action, subject_type, subject_id, application,
				       environment, before_state, after_state
				from audit_events where true""");
		List<Object> params = new ArrayList<>();
		filter(sql, params, "application", query.application());
		filter(sql, params, "environment", query.environment());
		filter(sql, params, "actor", query.actor());
		filter(sql, params, "action", query.action());
		filter(sql, params, "subject_type", query.subjectType());
		filter(sql, params, "subject_id", query.subjectId());
		if (query.from() != null) {
			sql.append(" and occurred_at >= ?");
			params.add(java.sql.Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < ?");
			params.add(java.sql.Timestamp.from(query.to()));
		}
		if (after != null) {
			sql.append(" and id < ?");
			params.add(Long.parseLong(after.id()));
		}
		sql.append(" order by id desc limit ?");
		params.add(limit + 1);
		List<AuditEventView> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
		return Slice.of(rows, limit, event -> new Cursor(event.occurredAt(), Long.toString(event.id())));
	}

	private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private AuditEventView map(ResultSet rs, int row) throws SQLException {
		return new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("actor_kind"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("application"), rs.getString("environment"),
				parse(rs.getString("before_state")), parse(rs.getString("after_state")));
	}

	private JsonNode parse(String text) {
		return text == null ? null : json.readTree(text);
	}

}
