package org.releasegate.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition of an {@link AuditQuery}, shared by listing and export so both select
 * exactly the same events. Every filter column leads one of the indexes of V40.
 */
record AuditFilter(String where, List<Object> params) {

	static AuditFilter of(AuditQuery query) {
		StringBuilder sql = new StringBuilder("true");
		List<Object> params = new ArrayList<>();
		equal(sql, params, "application", query.application());
		equal(sql, params, "environment", query.environment());
		equal(sql, params, "actor", query.actor());
		equal(sql, params, "action", query.action());
		equal(sql, params, "subject_type", query.subjectType());
		equal(sql, params, "subject_id", query.subjectId());
		if (query.from() != null) {
			sql.append(" and occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < ?");
			params.add(Timestamp.from(query.to()));
		}
		return new AuditFilter(sql.toString(), params);
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

}
