package org.releasegate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Rows of JSON objects printed as aligned columns under a header, e.g.
 * {@code ID  STATUS  CANDIDATE}.
 */
final class Table {

	private record Column(String header, Function<JsonNode, String> value) {
	}

	private final List<Column> columns = new ArrayList<>();

	/** A column showing a field of each row ({@code a.b} for nested fields). */
	Table column(String header, String field) {
		return column(header, row -> text(row, field));
	}

	Table column(String header, Function<JsonNode, String> value) {
		columns.add(new Column(header, value));
		return this;
	}

	void print(PrintWriter out, Iterable<JsonNode> rows) {
		List<String[]> lines = new ArrayList<>();
		lines.add(columns.stream().map(Column::header).toArray(String[]::new));
		for (JsonNode row : rows) {
			lines.add(columns.stream().map(column -> clean(column.value().apply(row))).toArray(String[]::new));
		}
		int[] widths = new int[columns.size()];
		for (String[] line : lines) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], line[i].length());
			}
		}
		for (String[] line : lines) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.length; i++) {
				text.append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 2));
			}
			out.println(text.toString().stripTrailing());
		}
	}

	/** A field of a JSON object as text, empty when absent. */
	static String text(JsonNode node, String field) {
		JsonNode value = node;
		for (String part : field.split("\\.")) {
			value = value.path(part);
		}
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> parts = new ArrayList<>();
			value.values().forEach(element -> parts.add(element.asString(element.toString())));
			return String.join(",", parts);
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String clean(String value) {
		return value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ");
	}

	private static String pad(String value, int width) {
		return value + " ".repeat(Math.max(0, width - value.length()));
	}

}
