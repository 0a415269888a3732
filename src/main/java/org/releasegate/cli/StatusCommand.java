package org.releasegate.cli;

import java.time.Duration;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code release status ID [--watch]}: where a release is, or, watching, every change
 * until it ends. For pipelines the exit code says how it ended.
 */
@Command(name = "status",
		description = { "Show where a release is; with --watch follow it until it ends.",
				"Watching exits 0 on COMPLETED, 1 on ROLLED_BACK, REJECTED or CANCELLED, 124 on --timeout." },
		footerHeading = "%nExample:%n", footer = "  trafficctl release status 3f2c8a0e-... --watch --timeout 30m")
final class StatusCommand extends ReleaseCommands.OnRelease {

	static final int ENDED_UNSUCCESSFULLY = 1;

	static final int TIMED_OUT = 124;

	private static final Set<String> FAILED = Set.of("ROLLED_BACK", "REJECTED", "CANCELLED");

	@Option(names = "--watch", description = "follow the release until it ends")
	boolean watch;

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
			converter = Values.DurationConverter.class, description = "give up watching after this (default 30m)")
	Duration timeout;

	@Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s",
			converter = Values.DurationConverter.class, description = "how often to look (default 2s)")
	Duration interval;

	StatusCommand(Context context) {
		super(context);
	}

	@Override
	int run() {
		ServiceClient client = client();
		String path = "/api/v1/releases/" + id;
		if (!watch) {
			ServiceClient.Reply release = client.get(path);
			if (printer().json()) {
				context.out().println(release.body());
			}
			else {
				context.out()
					.println(printer().quiet() ? release.json().path("status").asString() : line(release.json()));
			}
			return 0;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = null;
		boolean unreachableSaid = false;
		while (true) {
			try {
				ServiceClient.Reply release = client.get(path);
				unreachableSaid = false;
				String status = release.json().path("status").asString();
				String line = line(release.json());
				if (!line.equals(last)) {
					context.out().println(printer().json() ? release.body() : printer().quiet() ? status : line);
					context.out().flush();
					last = line;
				}
				if (status.equals("COMPLETED")) {
					return 0;
				}
				if (FAILED.contains(status)) {
					return ENDED_UNSUCCESSFULLY;
				}
			}
			catch (Failure failure) {
				if (failure.exitCode() != Failure.UNAVAILABLE) {
					throw failure;
				}
				if (!unreachableSaid) {
					context.err().println(failure.getMessage() + "; still trying");
					context.err().flush();
					unreachableSaid = true;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				context.err()
					.println("timed out after " + timeout.toString().substring(2).toLowerCase()
							+ (last == null ? "" : "; last seen: " + last));
				return TIMED_OUT;
			}
			try {
				Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return TIMED_OUT;
			}
		}
	}

	/** {@code IN_PROGRESS, step 2 of 3, candidate 1.5.0 at 50%}. */
	static String line(JsonNode release) {
		StringBuilder text = new StringBuilder(release.path("status").asString());
		JsonNode step = release.path("currentStep");
		int steps = release.path("strategy").path("steps").size();
		if (step.isNumber() && steps > 0) {
			text.append(", step ").append(step.asInt() + 1).append(" of ").append(steps);
		}
		text.append(", candidate ").append(release.path("candidateVersion").asString());
		JsonNode percent = release.path("candidatePercent");
		if (percent.isNumber()) {
			text.append(" at ").append(percent.asInt()).append('%');
		}
		return text.toString();
	}

}
