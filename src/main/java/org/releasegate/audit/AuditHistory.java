package org.releasegate.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.common.Cursor;
import org.releasegate.common.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit history, newest first, with keyset paging. */
@Service
@Transactional(readOnly = true)
public class AuditHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * One page of events matching the query, newest first. The keyset is (occurred_at,
	 * id), so the page after a cursor costs the same however deep it lies.
	 */
	public Slice<AuditEventView> find(AuditQuery query, String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		AuditFilter filter = AuditFilter.of(query);
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, actor, actor_kind, action, subject_type, subject_id, application,
				       environment, before_state, after_state
				from audit_events""").append(" where ").append(filter.where());
		List<Object> params = new ArrayList<>(filter.params());
		if (after != null) {
			sql.append(" and (occurred_at, id) < (?, ?)");
			params.add(Timestamp.from(after.at()));
			params.add(parseId(after.id()));
		}
		sql.append(" order by occurred_at desc, id desc limit ?");
		params.add(limit + 1);
		List<AuditEventView> rows = jdbc.sql(sql.toString()).params(params).query(this::map).list();
		return Slice.of(rows, limit, event -> new Cursor(event.occurredAt(), Long.toString(event.id())));
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("cursor is not one this service issued");
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
