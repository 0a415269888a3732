package org.releasegate.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams the audit events matching a query, oldest first, as CSV or JSON Lines. Rows
 * travel from PostgreSQL a page at a time (a cursor in a read-only transaction) straight
 * to the output, so an export of millions of events holds only one page in memory.
 */
@Service
public class AuditExport {

	/** The formats an export can be written in. */
	public enum Format {

		CSV("text/csv;charset=UTF-8", "csv"), JSONL("application/jsonl;charset=UTF-8", "jsonl");

		private final MediaType mediaType;

		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = MediaType.parseMediaType(mediaType);
			this.extension = extension;
		}

		public MediaType mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		/**
		 * Reads {@code csv} or {@code jsonl} (any case); anything else is a bad request.
		 */
		public static Format of(String text) {
			if (text == null || text.isBlank()) {
				return CSV;
			}
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("format must be csv or jsonl");
			}
		}

	}

	static final String[] COLUMNS = { "id", "occurred_at", "actor", "actor_kind", "action", "subject_type",
			"subject_id", "application", "environment", "before", "after", "chain_hash" };

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	AuditExport(DataSource dataSource, JsonMapper json, AuditProperties properties) {
		// a template of its own, so its fetch size does not change anyone else's queries
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(properties.exportFetchSize());
		this.json = json;
	}

	/**
	 * Writes every event matching the query to the stream, which it flushes but leaves
	 * open.
	 */
	@Transactional(readOnly = true)
	public void write(AuditQuery query, Format format, OutputStream out) {
		AuditFilter filter = AuditFilter.of(query);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		try {
			if (format == Format.CSV) {
				writer.write(String.join(",", COLUMNS));
				writer.write("\r\n");
			}
			jdbc.query("""
					select e.id, e.occurred_at, e.actor, e.actor_kind, e.action, e.subject_type, e.subject_id,
					       e.application, e.environment, e.before_state::text as before_text,
					       e.after_state::text as after_text, c.hash
					from audit_events e left join audit_chain c on c.event_id = e.id""" + " where " + filter.where()
					+ " order by e.occurred_at, e.id", rs -> {
						try {
							if (format == Format.CSV) {
								writeCsv(rs, writer);
							}
							else {
								writeJsonLine(rs, writer);
							}
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					}, filter.params().toArray());
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeCsv(ResultSet rs, Writer writer) throws SQLException, IOException {
		writer.write(Long.toString(rs.getLong("id")));
		writer.write(',');
		writer.write(rs.getTimestamp("occurred_at").toInstant().toString());
		for (String column : new String[] { "actor", "actor_kind", "action", "subject_type", "subject_id",
				"application", "environment", "before_text", "after_text", "hash" }) {
			writer.write(',');
			writer.write(Csv.cell(rs.getString(column)));
		}
		writer.write("\r\n");
	}

	private void writeJsonLine(ResultSet rs, Writer writer) throws SQLException, IOException {
		ObjectNode line = json.createObjectNode();
		line.put("id", rs.getLong("id"));
		line.put("occurredAt", rs.getTimestamp("occurred_at").toInstant().toString());
		line.put("actor", rs.getString("actor"));
		line.put("actorKind", rs.getString("actor_kind"));
		line.put("action", rs.getString("action"));
		line.put("subjectType", rs.getString("subject_type"));
		line.put("subjectId", rs.getString("subject_id"));
		line.put("application", rs.getString("application"));
		line.put("environment", rs.getString("environment"));
		String before = rs.getString("before_text");
		String after = rs.getString("after_text");
		line.set("before", before == null ? line.nullNode() : json.readTree(before));
		line.set("after", after == null ? line.nullNode() : json.readTree(after));
		line.put("chainHash", rs.getString("hash"));
		writer.write(json.writeValueAsString(line));
		writer.write('\n');
	}

}
