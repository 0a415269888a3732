package org.releasegate.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code traffic get} and {@code traffic history}. */
final class TrafficCommands {

	private TrafficCommands() {
	}

	@Command(name = "traffic", description = "Desired and observed traffic, and how it changed.",
			subcommands = { Get.class, History.class }, footerHeading = "%nExample:%n",
			footer = "  trafficctl traffic get checkout")
	static final class Traffic {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
		boolean help;

	}

	@Command(name = "get", description = "Desired and observed split per version, and what is still being pushed.",
			footerHeading = "%nExample:%n", footer = "  trafficctl traffic get checkout -e staging")
	static final class Get extends Call {

		@Parameters(paramLabel = "APP")
		String application;

		Get(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient.Reply traffic = new Weights(client(), environment()).traffic(application);
			JsonNode view = traffic.json();
			List<JsonNode> rows = new ArrayList<>();
			view.path("desired").properties().forEach(entry -> {
				JsonNode observed = view.path("observed").path(entry.getKey());
				rows.add(ServiceClient.JSON
					.valueToTree(Map.of("version", entry.getKey(), "desired", entry.getValue().asInt() + "%",
							"observed", observed.isNumber() ? Math.round(observed.asDouble()) + "%" : "unknown")));
			});
			printer().many(traffic, rows, "version",
					new Table().column("VERSION", "version")
						.column("DESIRED", "desired")
						.column("OBSERVED", "observed"));
			if (!printer().json() && !printer().quiet()) {
				context.out()
					.println("adapter " + Table.text(view, "adapter") + ", "
							+ (view.path("inSync").asBoolean() ? "in sync" : "NOT in sync")
							+ (Table.text(view, "lastError").isBlank() ? "" : ": " + Table.text(view, "lastError")));
			}
			return 0;
		}

	}

	@Command(name = "history", description = "Every change of the desired split, newest first.",
			footerHeading = "%nExample:%n",
			footer = "  trafficctl traffic history checkout --from 2026-12-01T00:00:00Z")
	static final class History extends Call {

		@Parameters(paramLabel = "APP")
		String application;

		@Option(names = "--from", paramLabel = "INSTANT", description = "inclusive (default: the last 30 days)")
		String from;

		@Option(names = "--to", paramLabel = "INSTANT", description = "exclusive (default: now)")
		String to;

		History(Context context) {
			super(context);
		}

		@Override
		int run() {
			String path = "/api/v1/applications/" + ServiceClient.segment(application) + "/environments/"
					+ ServiceClient.segment(environment()) + "/traffic/history"
					+ ServiceClient.query("from", instant("--from", from), "to", instant("--to", to));
			ServiceClient.Reply history = client().get(path);
			printer().many(history, history.json().values(), "at",
					new Table().column("TIME", "at").column("SPLIT", row -> {
						List<String> parts = new ArrayList<>();
						row.path("split")
							.properties()
							.forEach(e -> parts.add(e.getKey() + " " + e.getValue().asInt() + "%"));
						return String.join(", ", parts);
					}).column("BY", "actor").column("REASON", "reason"));
			return 0;
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

}
