package org.releasegate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code get-weight} and {@code set-weight}: the load-balancer words of the practice. */
final class WeightCommands {

	private WeightCommands() {
	}

	@Command(name = "get-weight", description = "Show the share of user traffic of each running deployment.",
			footerHeading = "%nExample:%n", footer = { "  trafficctl get-weight myapp",
					"  myapp-v1: 100%%, myapp-v2: 0%%", "  trafficctl get-weight checkout -e staging -o json" })
	static final class GetWeight extends Call {

		@Parameters(paramLabel = "APP", description = "the application")
		String application;

		GetWeight(Context context) {
			super(context);
		}

		@Override
		int run() {
			Weights weights = new Weights(client(), environment());
			ServiceClient.Reply traffic = weights.traffic(application);
			List<Weights.Named> running = weights.running(application);
			Printer printer = printer();
			if (printer.json()) {
				context.out().println(traffic.body());
			}
			else if (printer.quiet()) {
				running.forEach(deployment -> context.out().println(deployment.id()));
			}
			else {
				context.out().println(Weights.line(Weights.byEndpoint(traffic.json(), running)));
				notInSync(context, traffic.json());
			}
			return 0;
		}

	}

	@Command(name = "set-weight",
			description = { "Give a deployment N%% of the user traffic; the rest goes to the stable deployment.",
					"On the stable deployment of a running release, 100%% rolls that release back." },
			footerHeading = "%nExamples:%n",
			footer = { "  trafficctl set-weight myapp-v2 10%%     # canary",
					"  trafficctl set-weight myapp-v2 100%%    # all users on the new version",
					"  trafficctl set-weight myapp-v1 100%%    # rollback: back to the old version",
					"  trafficctl set-weight checkout@1.4.2 25%% -e staging" })
	static final class SetWeight extends Call {

		@Parameters(index = "0", paramLabel = "DEPLOYMENT",
				description = "the deployment's endpoint (e.g. myapp-v2) or APP@VERSION (e.g. checkout@1.4.2)")
		String deployment;

		@Parameters(index = "1", paramLabel = "N%", converter = Values.PercentConverter.class,
				description = "its share of user traffic, 0%% to 100%%")
		int percent;

		SetWeight(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient client = client();
			String environment = environment();
			Weights weights = new Weights(client, environment);
			Weights.Named target = weights.find(deployment);
			String application = target.application();
			JsonNode release = weights.runningRelease(application);
			if (release != null && percent == 100
					&& target.version().equals(release.path("stableVersion").asString())) {
				return rollBack(client, weights, release, target);
			}
			ServiceClient.Reply traffic = weights.traffic(application);
			List<Weights.Named> running = weights.running(application);
			Map<String, Integer> split = new LinkedHashMap<>();
			split.put(target.version(), percent);
			if (percent < 100) {
				String rest = release != null && !target.version().equals(release.path("stableVersion").asString())
						? release.path("stableVersion").asString() : stable(traffic.json(), running, target);
				split.put(rest, 100 - percent);
			}
			ServiceClient.Reply shifted = client.put(
					"/api/v1/applications/" + ServiceClient.segment(application) + "/environments/"
							+ ServiceClient.segment(environment) + "/traffic",
					Map.of("split", split, "reason", "trafficctl set-weight " + deployment + " " + percent + "%"));
			print(shifted, running);
			return 0;
		}

		private int rollBack(ServiceClient client, Weights weights, JsonNode release, Weights.Named target) {
			String id = release.path("id").asString();
			ServiceClient.Reply rolledBack = client.post("/api/v1/releases/" + id + "/rollback", Map.of("reason",
					"trafficctl set-weight " + deployment + " 100%: back to " + target.version(), "mode", "INSTANT"));
			if (printer().json()) {
				context.out().println(rolledBack.body());
				return 0;
			}
			if (printer().quiet()) {
				context.out().println(id);
				return 0;
			}
			context.out()
				.println("rolled back release " + id + " of " + target.application() + " "
						+ release.path("candidateVersion").asString() + ": all traffic back to " + target.endpoint());
			ServiceClient.Reply traffic = weights.traffic(target.application());
			context.out()
				.println(Weights.line(Weights.byEndpoint(traffic.json(), weights.running(target.application()))));
			return 0;
		}

		/** The deployment that gets the rest: the other one holding the most traffic. */
		private String stable(JsonNode traffic, List<Weights.Named> running, Weights.Named target) {
			String holder = null;
			int most = 0;
			for (Map.Entry<String, JsonNode> entry : traffic.path("desired").properties()) {
				int share = entry.getValue().asInt();
				if (!entry.getKey().equals(target.version()) && share > most) {
					holder = entry.getKey();
					most = share;
				}
			}
			if (holder != null) {
				return holder;
			}
			List<Weights.Named> others = running.stream()
				.filter(named -> !named.version().equals(target.version()))
				.toList();
			if (others.size() == 1) {
				return others.get(0).version();
			}
			throw new Failure(Failure.CONFLICT,
					"no other deployment holds traffic to take the other " + (100 - percent) + "%: "
							+ (others.isEmpty() ? "none other runs"
									: "set the one that should get it to " + (100 - percent) + "% instead"));
		}

		private void print(ServiceClient.Reply shifted, List<Weights.Named> running) {
			if (printer().json()) {
				context.out().println(shifted.body());
			}
			else if (printer().quiet()) {
				context.out().println(shifted.json().path("pendingChange").path("id").asString(""));
			}
			else {
				context.out().println(Weights.line(Weights.byEndpoint(shifted.json(), running)));
				notInSync(context, shifted.json());
			}
		}

	}

	/** Says so when the load balancer does not serve the desired split yet. */
	static void notInSync(Context context, JsonNode traffic) {
		JsonNode pending = traffic.path("pendingChange");
		if (!pending.isMissingNode() && !pending.isNull()) {
			String error = pending.path("lastError").asString("");
			context.err()
				.println("the load balancer does not serve this yet; it is being pushed"
						+ (error.isBlank() ? "" : " (last attempt: " + error + ")"));
		}
	}

}
