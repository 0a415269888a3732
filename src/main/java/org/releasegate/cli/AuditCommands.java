package org.releasegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit list} and {@code audit export}. */
final class AuditCommands {

	private AuditCommands() {
	}

	@Command(name = "audit", description = "Read and export the audit history.",
			subcommands = { ListEvents.class, Export.class }, footerHeading = "%nExample:%n",
			footer = "  trafficctl audit export --format csv --application checkout --file checkout-audit.csv")
	static final class Audit {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
		boolean help;

	}

	/** The filters both take. */
	static final class Filters {

		@Option(names = { "-a", "--application" }, paramLabel = "APP")
		String application;

		@Option(names = "--actor", paramLabel = "USERNAME")
		String actor;

		@Option(names = "--action", paramLabel = "ACTION", description = "e.g. traffic.rolled-back")
		String action;

		@Option(names = "--subject-type", paramLabel = "TYPE", description = "e.g. release, deployment, traffic")
		String subjectType;

		@Option(names = "--subject-id", paramLabel = "ID")
		String subjectId;

		@Option(names = "--from", paramLabel = "INSTANT", description = "inclusive, e.g. 2026-12-01T00:00:00Z")
		String from;

		@Option(names = "--to", paramLabel = "INSTANT", description = "exclusive")
		String to;

		@Option(names = "--all-environments", description = "every environment, not only -e's")
		boolean allEnvironments;

		Object[] query(String environment, Object... more) {
			Object[] pairs = { "application", application, "environment", allEnvironments ? null : environment, "actor",
					actor, "action", action, "subjectType", subjectType, "subjectId", subjectId, "from",
					instant("--from", from), "to", instant("--to", to) };
			Object[] all = new Object[pairs.length + more.length];
			System.arraycopy(more, 0, all, 0, more.length);
			System.arraycopy(pairs, 0, all, more.length, pairs.length);
			return all;
		}

		private static String instant(String option, String value) {
			if (value == null) {
				return null;
			}
			try {
				return Instant.parse(value).toString();
			}
			catch (DateTimeParseException ex) {
				throw new Failure(Failure.USAGE, option + " must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
			}
		}

	}

	@Command(name = "list", description = "Audit events, newest first (AUDITOR, RELEASE_MANAGER, ADMIN).",
			footerHeading = "%nExample:%n", footer = "  trafficctl audit list -a checkout --action release.approved")
	static final class ListEvents extends Call {

		@picocli.CommandLine.Mixin
		Filters filters;

		@Option(names = "--limit", paramLabel = "N", defaultValue = "50")
		int limit;

		@Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as the last one said")
		String cursor;

		ListEvents(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient.Reply page = client().get("/api/v1/audit"
					+ ServiceClient.query(filters.query(environment(), "limit", limit, "cursor", cursor)));
			printer().page(page, "id",
					new Table().column("ID", "id")
						.column("TIME", "occurredAt")
						.column("ACTOR", "actor")
						.column("ACTION", "action")
						.column("SUBJECT", row -> Table.text(row, "subjectType") + " " + Table.text(row, "subjectId")));
			return 0;
		}

	}

	@Command(name = "export", description = "Export audit events, oldest first, streamed to stdout or a file.",
			footerHeading = "%nExamples:%n", footer = { "  trafficctl audit export --format jsonl > audit.jsonl",
					"  trafficctl audit export --format csv -a checkout --file checkout.csv" })
	static final class Export extends Call {

		enum Format {

			CSV, JSONL

		}

		@picocli.CommandLine.Mixin
		Filters filters;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default) or jsonl")
		Format format;

		@Option(names = { "-f", "--file" }, paramLabel = "FILE", description = "write here instead of stdout")
		Path file;

		Export(Context context) {
			super(context);
		}

		@Override
		int run() {
			String path = "/api/v1/audit/export"
					+ ServiceClient.query(filters.query(environment(), "format", format.name().toLowerCase()));
			try (InputStream body = client().stream(path)) {
				if (file != null) {
					try (OutputStream out = Files.newOutputStream(file)) {
						body.transferTo(out);
					}
				}
				else {
					context.out().flush();
					body.transferTo(System.out);
					System.out.flush();
				}
			}
			catch (IOException ex) {
				throw new Failure(Failure.UNAVAILABLE, "the export broke off: " + ex.getMessage());
			}
			return 0;
		}

	}

}
