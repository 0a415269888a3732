package org.releasegate.cli;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code release ...}: request, decide, run and follow releases. */
final class ReleaseCommands {

	private ReleaseCommands() {
	}

	@Command(name = "release", description = "Request, approve, run and follow releases.",
			subcommands = { Request.class, Approve.class, Reject.class, Cancel.class, Start.class, Promote.class,
					Pause.class, Resume.class, RollBack.class, Get.class, ListReleases.class, StatusCommand.class },
			footerHeading = "%nExample:%n",
			footer = { "  id=$(trafficctl release request -a checkout --version 1.4.2 --canary 10:5m,50:10m,100 -q)",
					"  trafficctl release status \"$id\" --watch --timeout 30m" })
	static final class Release {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
		boolean help;

	}

	static Table table() {
		return new Table().column("ID", "id")
			.column("STATUS", "status")
			.column("APPLICATION", "application")
			.column("ENV", "environment")
			.column("STABLE", "stableVersion")
			.column("CANDIDATE", "candidateVersion")
			.column("CANDIDATE TRAFFIC", row -> {
				String percent = Table.text(row, "candidatePercent");
				return percent.isEmpty() ? "" : percent + "%";
			});
	}

	/** A command on one release, named by its id. */
	abstract static class OnRelease extends Call {

		@Parameters(index = "0", paramLabel = "ID", converter = Values.ReleaseIdConverter.class,
				description = "the release's id")
		UUID id;

		OnRelease(Context context) {
			super(context);
		}

		int post(String action, Object body) {
			ServiceClient.Reply reply = client().post("/api/v1/releases/" + id + "/" + action, body);
			printer().one(reply, "id", table());
			return 0;
		}

	}

	@Command(name = "request", description = "Request a release of a recorded (RUNNING) deployment.",
			footerHeading = "%nExamples:%n",
			footer = { "  trafficctl release request -a checkout --version 1.4.2 --contact 'pager: erin'",
					"  trafficctl release request -a checkout --version 1.4.2 --canary 10:5m,50:10m!,100 \\",
					"      --rollback gradual:30s    # ! : that step waits for a product owner to promote it" })
	static final class Request extends Call {

		@Option(names = { "-a", "--application" }, required = true, paramLabel = "APP")
		String application;

		@Option(names = "--version", required = true, paramLabel = "VERSION", description = "the candidate version")
		String version;

		@Option(names = "--canary", paramLabel = "STEPS",
				description = "canary steps WEIGHT[:PAUSE][!], e.g. 10:5m,50:10m,100 (default: all at once)")
		String canary;

		@Option(names = "--rollback", paramLabel = "MODE",
				description = "instant (default) or gradual:STEP-PAUSE, e.g. gradual:30s")
		String rollback;

		@Option(names = "--scheduled-start", paramLabel = "TIME",
				description = "ISO-8601, e.g. 2026-12-01T16:30:00+01:00")
		String scheduledStart;

		@Option(names = "--contact", paramLabel = "TEXT", description = "the on-call contact")
		String contact;

		@Option(names = "--summary", paramLabel = "TEXT")
		String summary;

		@Option(names = "--ticket-url", paramLabel = "URL")
		String ticketUrl;

		Request(Context context) {
			super(context);
		}

		@Override
		int run() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("application", application);
			body.put("environment", environment());
			body.put("candidateVersion", version);
			body.put("strategy", strategy(canary, rollback));
			if (scheduledStart != null) {
				try {
					body.put("scheduledStart", OffsetDateTime.parse(scheduledStart).toString());
				}
				catch (DateTimeParseException ex) {
					throw new Failure(Failure.USAGE,
							"--scheduled-start must be an ISO-8601 time with offset, e.g. 2026-12-01T16:30:00+01:00");
				}
			}
			body.put("onCallContact", contact);
			body.put("summary", summary);
			body.put("ticketUrl", ticketUrl);
			ServiceClient.Reply requested = client().post("/api/v1/releases", body);
			printer().one(requested, "id", table());
			return 0;
		}

	}

	/**
	 * A strategy body from {@code 10:5m,50:10m!,100} and {@code gradual:30s}; checked
	 * here so a typo never reaches the service.
	 */
	static Map<String, Object> strategy(String canary, String rollback) {
		Map<String, Object> strategy = new LinkedHashMap<>();
		if (canary == null || canary.isBlank()) {
			strategy.put("type", "ALL_AT_ONCE");
		}
		else {
			List<Map<String, Object>> steps = new ArrayList<>();
			int previous = 0;
			for (String step : canary.split(",")) {
				String text = step.strip();
				boolean confirm = text.endsWith("!");
				text = confirm ? text.substring(0, text.length() - 1) : text;
				String[] parts = text.split(":", 2);
				int weight;
				try {
					weight = Values.percent(parts[0]);
				}
				catch (RuntimeException ex) {
					throw new Failure(Failure.USAGE, "--canary: " + ex.getMessage());
				}
				if (weight <= previous) {
					throw new Failure(Failure.USAGE, "--canary: weights must increase step by step within 1..100 ("
							+ weight + "% after " + previous + "%)");
				}
				Duration pause;
				try {
					pause = parts.length > 1 ? Values.duration(parts[1]) : Duration.ZERO;
				}
				catch (RuntimeException ex) {
					throw new Failure(Failure.USAGE, "--canary: " + ex.getMessage());
				}
				steps.add(Map.of("weight", weight, "pause", Values.iso(pause), "requiresConfirmation", confirm));
				previous = weight;
			}
			if (previous != 100) {
				throw new Failure(Failure.USAGE, "--canary: the last step must be 100 (all users on the candidate)");
			}
			strategy.put("type", "CANARY");
			strategy.put("steps", steps);
		}
		if (rollback != null && !rollback.isBlank()) {
			String[] parts = rollback.strip().split(":", 2);
			String mode = parts[0].toUpperCase();
			if (mode.equals("INSTANT") && parts.length == 1) {
				strategy.put("rollback", Map.of("mode", "INSTANT"));
			}
			else if (mode.equals("GRADUAL") && parts.length == 2) {
				try {
					strategy.put("rollback",
							Map.of("mode", "GRADUAL", "stepPause", Values.iso(Values.duration(parts[1]))));
				}
				catch (RuntimeException ex) {
					throw new Failure(Failure.USAGE, "--rollback: " + ex.getMessage());
				}
			}
			else {
				throw new Failure(Failure.USAGE, "--rollback must be instant or gradual:STEP-PAUSE, e.g. gradual:30s");
			}
		}
		return strategy;
	}

	@Command(name = "approve", description = "Approve a release (product owners of the application).",
			footerHeading = "%nExample:%n",
			footer = "  trafficctl release approve 3f2c8a0e-... --comment 'copy checked'")
	static final class Approve extends OnRelease {

		@Option(names = "--comment", paramLabel = "TEXT")
		String comment;

		Approve(Context context) {
			super(context);
		}

		@Override
		int run() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("decision", "APPROVE");
			body.put("comment", comment);
			return post("approvals", body);
		}

	}

	@Command(name = "reject", description = "Reject a release, saying why (product owners of the application).",
			footerHeading = "%nExample:%n",
			footer = "  trafficctl release reject 3f2c8a0e-... --comment 'wrong prices'")
	static final class Reject extends OnRelease {

		@Option(names = "--comment", required = true, paramLabel = "TEXT", description = "why (required)")
		String comment;

		Reject(Context context) {
			super(context);
		}

		@Override
		int run() {
			return post("approvals", Map.of("decision", "REJECT", "comment", comment));
		}

	}

	@Command(name = "cancel", description = "Cancel a release that has not started.", footerHeading = "%nExample:%n",
			footer = "  trafficctl release cancel 3f2c8a0e-... --reason 'superseded by 1.4.3'")
	static final class Cancel extends OnRelease {

		@Option(names = "--reason", paramLabel = "TEXT")
		String reason;

		Cancel(Context context) {
			super(context);
		}

		@Override
		int run() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("reason", reason);
			return post("cancel", body);
		}

	}

	@Command(name = "start", description = "Start an APPROVED release now.", footerHeading = "%nExamples:%n",
			footer = { "  trafficctl release start 3f2c8a0e-...",
					"  trafficctl release start 3f2c8a0e-... --override --reason 'hotfix'   # release managers" })
	static final class Start extends OnRelease {

		@Option(names = "--override", description = "start outside the window or with the checklist not green")
		boolean override;

		@Option(names = "--reason", paramLabel = "TEXT", description = "why the override (audited)")
		String reason;

		Start(Context context) {
			super(context);
		}

		@Override
		int run() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("override", override);
			body.put("reason", reason);
			return post("start", body);
		}

	}

	@Command(name = "promote", description = "Move a running canary to its next step now.",
			footerHeading = "%nExample:%n", footer = "  trafficctl release promote 3f2c8a0e-...")
	static final class Promote extends OnRelease {

		Promote(Context context) {
			super(context);
		}

		@Override
		int run() {
			return post("promote", null);
		}

	}

	@Command(name = "pause", description = "Hold a running release at its current step.",
			footerHeading = "%nExample:%n", footer = "  trafficctl release pause 3f2c8a0e-...")
	static final class Pause extends OnRelease {

		Pause(Context context) {
			super(context);
		}

		@Override
		int run() {
			return post("pause", null);
		}

	}

	@Command(name = "resume", description = "Resume a paused release.", footerHeading = "%nExample:%n",
			footer = "  trafficctl release resume 3f2c8a0e-...")
	static final class Resume extends OnRelease {

		Resume(Context context) {
			super(context);
		}

		@Override
		int run() {
			return post("resume", null);
		}

	}

	@Command(name = "rollback", description = "Send the traffic back to the stable deployment.",
			footerHeading = "%nExample:%n",
			footer = "  trafficctl release rollback 3f2c8a0e-... --reason 'checkout errors' --mode instant")
	static final class RollBack extends OnRelease {

		@Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (required, audited)")
		String reason;

		@Option(names = "--mode", paramLabel = "MODE", description = "instant or gradual (default: the plan's)")
		String mode;

		RollBack(Context context) {
			super(context);
		}

		@Override
		int run() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("reason", reason);
			if (mode != null) {
				String upper = mode.strip().toUpperCase();
				if (!upper.equals("INSTANT") && !upper.equals("GRADUAL")) {
					throw new Failure(Failure.USAGE, "--mode must be instant or gradual");
				}
				body.put("mode", upper);
			}
			return post("rollback", body);
		}

	}

	@Command(name = "get", description = "Show a release with its checklist.", footerHeading = "%nExample:%n",
			footer = "  trafficctl release get 3f2c8a0e-... -o json")
	static final class Get extends OnRelease {

		Get(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient.Reply release = client().get("/api/v1/releases/" + id);
			printer().one(release, "id", table());
			if (!printer().json() && !printer().quiet()) {
				new Table().column("CHECK", "key")
					.column("STATUS", "status")
					.column("EVIDENCE", "evidence")
					.print(context.out(), release.json().path("checklist").values());
			}
			return 0;
		}

	}

	@Command(name = "list", description = "List releases, newest first.", footerHeading = "%nExample:%n",
			footer = "  trafficctl release list -a checkout --status IN_PROGRESS")
	static final class ListReleases extends Call {

		@Option(names = { "-a", "--application" }, paramLabel = "APP")
		String application;

		@Option(names = "--status", paramLabel = "STATUS", description = "e.g. REQUESTED, IN_PROGRESS, COMPLETED")
		String status;

		@Option(names = "--all-environments", description = "every environment, not only -e's")
		boolean allEnvironments;

		@Option(names = "--limit", paramLabel = "N", defaultValue = "20")
		int limit;

		@Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as the last one said")
		String cursor;

		ListReleases(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient.Reply page = client().get("/api/v1/releases" + ServiceClient.query("application", application,
					"environment", allEnvironments ? null : environment(), "status",
					status == null ? null : status.toUpperCase(), "limit", limit, "cursor", cursor));
			printer().page(page, "id",
					new Table().column("ID", "id")
						.column("STATUS", "status")
						.column("APPLICATION", "application")
						.column("ENV", "environment")
						.column("STABLE", "stableVersion")
						.column("CANDIDATE", "candidateVersion")
						.column("REQUESTED BY", "requestedBy")
						.column("REQUESTED", "requestedAt"));
			return 0;
		}

	}

}
