package org.releasegate.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code trafficctl}, the command line of ReleaseGate. Exit codes: 0 done, 2 bad usage or
 * input, 3 not signed in or not allowed, 4 not found, 5 conflict, 6 the service failed or
 * cannot be reached.
 */
@Command(name = "trafficctl", mixinStandardHelpOptions = true, versionProvider = Trafficctl.Version.class,
		description = "Moves user traffic between deployments and runs releases on ReleaseGate.",
		subcommands = { WeightCommands.GetWeight.class, WeightCommands.SetWeight.class, DeployCommand.class,
				ReleaseCommands.Release.class, TrafficCommands.Traffic.class, AuditCommands.Audit.class,
				AccountCommands.Login.class, AccountCommands.WhoAmI.class, AccountCommands.Config.class,
				AutoComplete.GenerateCompletion.class, WarmUp.class },
		footerHeading = "%nExamples:%n",
		footer = { "  trafficctl get-weight myapp           # myapp-v1: 100%%, myapp-v2: 0%%",
				"  trafficctl set-weight myapp-v2 10%%    # canary",
				"  trafficctl set-weight myapp-v2 100%%   # all users on the new version",
				"  trafficctl set-weight myapp-v1 100%%   # rollback: back to the old version", "",
				"Exit codes: 0 done, 2 usage or bad input, 3 not signed in or not allowed,",
				"4 not found, 5 conflict, 6 service failed or unreachable;",
				"release status --watch: 1 ended without completing, 124 timed out.", "",
				"Configure: trafficctl login --url URL, or TRAFFICCTL_URL and TRAFFICCTL_TOKEN." })
public final class Trafficctl {

	private Trafficctl() {
	}

	public static void main(String[] args) {
		int code = run(System.getenv(), System.in, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
		System.exit(code);
	}

	/** Runs one command line and answers its exit code. */
	static int run(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, String... args) {
		Context context = new Context(env, in, out, err);
		CommandLine line = commandLine(context);
		try {
			return line.execute(args);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	static CommandLine commandLine(Context context) {
		CommandLine line = new CommandLine(new Trafficctl(), new Factory(context));
		line.setOut(context.out()).setErr(context.err()).setCaseInsensitiveEnumValuesAllowed(true);
		line.setExecutionExceptionHandler((ex, failed, parsed) -> {
			Failure failure = ex instanceof Failure known ? known : new Failure(1,
					"unexpected error: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
			PrintWriter err = failed.getErr();
			err.println("error: " + failure.getMessage());
			failure.details().forEach(detail -> err.println("  " + detail));
			return failure.exitCode();
		});
		line.setParameterExceptionHandler((ex, arguments) -> {
			PrintWriter err = ex.getCommandLine().getErr();
			err.println("error: " + ex.getMessage());
			err.println("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
			return Failure.USAGE;
		});
		CommandLine generate = line.getSubcommands().get("generate-completion");
		if (generate != null) {
			generate.getCommandSpec().usageMessage().hidden(false);
		}
		return line;
	}

	/** Gives commands the context; everything else is made the picocli way. */
	private record Factory(Context context) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
				constructor.setAccessible(true);
				return constructor.newInstance(context);
			}
			catch (NoSuchMethodException ex) {
				return CommandLine.defaultFactory().create(type);
			}
		}

	}

	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Trafficctl.class.getPackage().getImplementationVersion();
			return new String[] { "trafficctl " + (version == null ? "development build" : version) };
		}

	}

}
