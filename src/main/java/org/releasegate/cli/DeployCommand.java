package org.releasegate.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deploy}: records a deployment; the same call again is answered with the same
 * record.
 */
@Command(name = "deploy",
		description = { "Record a deployment: the version runs beside the stable one with 0%% of user traffic.",
				"Safe to retry: the same flags again print the same record; different ones are refused (exit 5)." },
		footerHeading = "%nExample:%n",
		footer = { "  trafficctl deploy --application checkout --version 1.4.2 --endpoint checkout-v142 \\",
				"      --artifact registry.example.com/checkout@sha256:4f2a --commit 9f2c1e7 \\",
				"      --pipeline-url https://ci.example.com/checkout/runs/812" })
final class DeployCommand extends Call {

	@Option(names = { "-a", "--application" }, required = true, paramLabel = "APP")
	String application;

	@Option(names = "--version", required = true, paramLabel = "VERSION", description = "e.g. 1.4.2")
	String version;

	@Option(names = "--endpoint", required = true, paramLabel = "NAME",
			description = "its member(s) on the load balancer: HAProxy server, NGINX host:port, Kubernetes Service")
	String endpoint;

	@Option(names = "--artifact", paramLabel = "IMAGE", description = "e.g. an image digest")
	String artifact;

	@Option(names = "--commit", paramLabel = "SHA")
	String commit;

	@Option(names = "--pipeline-url", paramLabel = "URL", description = "the CI run that deployed it")
	String pipelineUrl;

	DeployCommand(Context context) {
		super(context);
	}

	@Override
	int run() {
		if (pipelineUrl != null && !pipelineUrl.matches("https?://\\S+")) {
			throw new Failure(Failure.USAGE, "--pipeline-url must be an http(s) address");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("application", application);
		body.put("environment", environment());
		body.put("version", version);
		body.put("artifact", artifact);
		body.put("commit", commit);
		body.put("pipelineUrl", pipelineUrl);
		body.put("endpoint", endpoint);
		ServiceClient.Reply recorded = client().post("/api/v1/deployments", body);
		printer().one(recorded, "id", table());
		if (!printer().json() && !printer().quiet()) {
			context.out()
				.println(recorded.status() == 201 ? "recorded" : "already recorded with the same details (unchanged)");
		}
		return 0;
	}

	static Table table() {
		return new Table().column("ID", "id")
			.column("APPLICATION", "application")
			.column("ENV", "environment")
			.column("VERSION", "version")
			.column("ENDPOINT", "endpoint")
			.column("STATE", "state")
			.column("TRAFFIC", row -> Table.text(row, "trafficPercent") + "%")
			.column("RECORDED", "recordedAt");
	}

}
