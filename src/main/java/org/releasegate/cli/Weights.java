package org.releasegate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.releasegate.cli.ServiceClient.query;
import static org.releasegate.cli.ServiceClient.segment;

/**
 * The weights of an application's deployments, read from the traffic API and named by
 * their load-balancer endpoints: {@code myapp-v1: 100%, myapp-v2: 0%}.
 */
final class Weights {

	static final Set<String> RUNNING_RELEASE = Set.of("IN_PROGRESS", "PAUSED", "ROLLING_BACK");

	private final ServiceClient client;

	private final String environment;

	Weights(ServiceClient client, String environment) {
		this.client = client;
		this.environment = environment;
	}

	/** A deployment as the command line names it. */
	record Named(String id, String application, String version, String endpoint) {

		static Named of(JsonNode deployment) {
			return new Named(deployment.path("id").asString(), deployment.path("application").asString(),
					deployment.path("version").asString(), deployment.path("endpoint").asString());
		}

	}

	ServiceClient.Reply traffic(String application) {
		return client
			.get("/api/v1/applications/" + segment(application) + "/environments/" + segment(environment) + "/traffic");
	}

	/** The running deployments of the application, oldest first. */
	List<Named> running(String application) {
		List<Named> found = new ArrayList<>();
		for (JsonNode deployment : deployments(application)) {
			if ("RUNNING".equals(deployment.path("state").asString())) {
				found.add(0, Named.of(deployment));
			}
		}
		return found;
	}

	/**
	 * The running deployment named by its endpoint or as {@code APP@VERSION}.
	 */
	Named find(String name) {
		int at = name.indexOf('@');
		List<Named> matches = new ArrayList<>();
		if (at > 0) {
			String application = name.substring(0, at);
			String version = name.substring(at + 1);
			running(application).stream().filter(named -> named.version().equals(version)).forEach(matches::add);
		}
		else {
			for (JsonNode deployment : deployments(null)) {
				if ("RUNNING".equals(deployment.path("state").asString())
						&& name.equals(deployment.path("endpoint").asString())) {
					matches.add(Named.of(deployment));
				}
			}
		}
		if (matches.isEmpty()) {
			throw new Failure(Failure.NOT_FOUND, "no running deployment '" + name + "' in " + environment
					+ " (name one by its endpoint, e.g. myapp-v2, or as APP@VERSION, e.g. checkout@1.4.2)");
		}
		if (matches.size() > 1) {
			throw new Failure(Failure.USAGE, "'" + name + "' is the endpoint of " + matches.size()
					+ " running deployments in " + environment + ": name it as APP@VERSION instead");
		}
		return matches.get(0);
	}

	/** The open release now moving traffic, if any. */
	JsonNode runningRelease(String application) {
		ServiceClient.Reply page = client
			.get("/api/v1/releases" + query("application", application, "environment", environment, "limit", 5));
		for (JsonNode release : page.json().path("items").values()) {
			if (RUNNING_RELEASE.contains(release.path("status").asString())) {
				return release;
			}
		}
		return null;
	}

	/**
	 * Endpoint and percent of each running deployment, and of any version holding
	 * traffic.
	 */
	static Map<String, Integer> byEndpoint(JsonNode traffic, List<Named> running) {
		Map<String, Integer> desired = new LinkedHashMap<>();
		traffic.path("desired").properties().forEach(entry -> desired.put(entry.getKey(), entry.getValue().asInt()));
		Map<String, Integer> shown = new LinkedHashMap<>();
		for (Named deployment : running) {
			shown.put(deployment.endpoint(), desired.getOrDefault(deployment.version(), 0));
		}
		desired.forEach((version, percent) -> {
			if (running.stream().noneMatch(named -> named.version().equals(version))) {
				shown.put(version, percent);
			}
		});
		return shown;
	}

	/** {@code myapp-v1: 100%, myapp-v2: 0%}. */
	static String line(Map<String, Integer> byEndpoint) {
		List<String> parts = new ArrayList<>();
		byEndpoint.forEach((endpoint, percent) -> parts.add(endpoint + ": " + percent + "%"));
		return parts.isEmpty() ? "no running deployments" : String.join(", ", parts);
	}

	private Iterable<JsonNode> deployments(String application) {
		List<JsonNode> all = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = client
				.get("/api/v1/deployments"
						+ query("application", application, "environment", environment, "limit", 500, "cursor", cursor))
				.json();
			page.path("items").values().forEach(all::add);
			cursor = page.path("nextCursor").asString(null);
		}
		while (cursor != null && !cursor.isBlank() && all.size() < 5_000);
		return all;
	}

}
