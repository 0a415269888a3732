package org.releasegate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A training run for the launcher's class-data archive: it loads the classes of the
 * common path (help, JSON, tables, the HTTP client) without a service and prints nothing.
 */
@Command(name = "warm-up", hidden = true, description = "Load the common classes once (for a class-data archive).")
final class WarmUp extends Call {

	private static final String TRAFFIC = """
			{"application":"a","environment":"production","desired":{"1.0.0":90,"2.0.0":10},
			 "observed":{"1.0.0":90.0,"2.0.0":10.0},"inSync":true,"pendingChange":null}""";

	private static final String DEPLOYMENTS = """
			{"items":[{"id":"x","application":"a","version":"2.0.0","endpoint":"a-v2","state":"RUNNING"},
			 {"id":"y","application":"a","version":"1.0.0","endpoint":"a-v1","state":"RUNNING"}],"nextCursor":null}""";

	WarmUp(Context context) {
		super(context);
	}

	@Override
	int run() {
		StringWriter sink = new StringWriter();
		PrintWriter out = new PrintWriter(sink);
		CommandLine root = Trafficctl.commandLine(new Context(context.env(), System.in, out, out));
		root.getSubcommands().values().forEach(command -> command.usage(out));
		var traffic = ServiceClient.parse(TRAFFIC);
		java.util.List<Weights.Named> running = new java.util.ArrayList<>();
		ServiceClient.parse(DEPLOYMENTS).path("items").values().forEach(node -> running.add(Weights.Named.of(node)));
		out.println(Weights.line(Weights.byEndpoint(traffic, running)));
		DeployCommand.table().print(out, ServiceClient.parse(DEPLOYMENTS).path("items").values());
		out.println(ServiceClient.JSON.writeValueAsString(ReleaseCommands.strategy("10:5m,100", "gradual:30s")));
		try {
			new ServiceClient("http://127.0.0.1:9", "token").get("/api/v1/users/me");
		}
		catch (Failure expected) {
			out.println(expected.getMessage());
		}
		ServiceClient.problem(404, "{\"title\":\"Not Found\",\"errors\":[{\"field\":\"a\",\"message\":\"b\"}]}");
		return 0;
	}

}
