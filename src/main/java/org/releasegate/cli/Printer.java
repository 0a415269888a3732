package org.releasegate.cli;

import java.io.PrintWriter;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Prints an answer the way the options ask: a table, the API's JSON as sent, or
 * identifiers only.
 */
final class Printer {

	private final Global options;

	private final PrintWriter out;

	Printer(Global options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	/** One object: as JSON, its id, or the table of it. */
	void one(ServiceClient.Reply reply, String idField, Table table) {
		many(reply, List.of(reply.json()), idField, table);
	}

	/** Rows of an answer (a page's items or a list). */
	void many(ServiceClient.Reply reply, Iterable<JsonNode> rows, String idField, Table table) {
		if (options.output == Global.Format.JSON) {
			out.println(reply.body());
		}
		else if (options.quiet) {
			rows.forEach(row -> out.println(Table.text(row, idField)));
		}
		else {
			table.print(out, rows);
		}
	}

	/** A page: its items, and how to get the next one. */
	void page(ServiceClient.Reply reply, String idField, Table table) {
		many(reply, reply.json().path("items").values(), idField, table);
		String next = reply.json().path("nextCursor").asString("");
		if (options.output == Global.Format.TABLE && !options.quiet && !next.isBlank()) {
			out.println("(more: add --cursor " + next + ")");
		}
	}

	boolean json() {
		return options.output == Global.Format.JSON;
	}

	boolean quiet() {
		return options.quiet;
	}

}
