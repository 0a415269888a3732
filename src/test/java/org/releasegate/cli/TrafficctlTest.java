package org.releasegate.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing, output and exit codes of trafficctl, without a service. */
class TrafficctlTest {

	@TempDir
	Path home;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(Map<String, String> env, String stdin, String... args) {
		Map<String, String> all = new HashMap<>(env);
		all.put("XDG_CONFIG_HOME", home.toString());
		return Trafficctl.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintWriter(out, true), new PrintWriter(err, true), args);
	}

	@Test
	void percentsAreWholeNumbersFrom0To100() {
		assertThat(Values.percent("10%")).isEqualTo(10);
		assertThat(Values.percent("100")).isEqualTo(100);
		assertThat(Values.percent("0%")).isZero();
		for (String bad : List.of("101%", "-5%", "10.5%", "ten", "", "%")) {
			assertThatThrownBy(() -> Values.percent(bad)).isInstanceOf(TypeConversionException.class)
				.hasMessageContaining("from 0 to 100");
		}
	}

	@Test
	void durationsAreShortOrIso() {
		assertThat(Values.duration("30m")).isEqualTo(Duration.ofMinutes(30));
		assertThat(Values.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Values.duration("200ms")).isEqualTo(Duration.ofMillis(200));
		assertThat(Values.duration("2d")).isEqualTo(Duration.ofDays(2));
		assertThat(Values.duration("PT5M")).isEqualTo(Duration.ofMinutes(5));
		for (String bad : List.of("5 minutes", "m", "", "PT", "-PT5M", "5x")) {
			assertThatThrownBy(() -> Values.duration(bad)).isInstanceOf(TypeConversionException.class)
				.hasMessageContaining("not a duration");
		}
	}

	@Test
	void canaryStepsAreCheckedBeforeTheyAreSent() {
		assertThat(ReleaseCommands.strategy("10:5m,50:10m!,100", "gradual:30s"))
			.isEqualTo(Map.of("type", "CANARY", "steps",
					List.of(Map.of("weight", 10, "pause", "PT5M", "requiresConfirmation", false),
							Map.of("weight", 50, "pause", "PT10M", "requiresConfirmation", true),
							Map.of("weight", 100, "pause", "PT0S", "requiresConfirmation", false)),
					"rollback", Map.of("mode", "GRADUAL", "stepPause", "PT30S")));
		assertThat(ReleaseCommands.strategy(null, null)).isEqualTo(Map.of("type", "ALL_AT_ONCE"));
		assertThatThrownBy(() -> ReleaseCommands.strategy("50,10,100", null)).hasMessageContaining("increase");
		assertThatThrownBy(() -> ReleaseCommands.strategy("10,50", null)).hasMessageContaining("last step must be 100");
		assertThatThrownBy(() -> ReleaseCommands.strategy("10:soon,100", null)).hasMessageContaining("not a duration");
		assertThatThrownBy(() -> ReleaseCommands.strategy(null, "slowly")).hasMessageContaining("instant or gradual");
	}

	@Test
	void aBadPercentIsAUsageErrorWithoutAStackTrace() {
		int code = run(Map.of("TRAFFICCTL_URL", "http://127.0.0.1:9"), "", "set-weight", "myapp-v2", "150%");
		assertThat(code).isEqualTo(2);
		assertThat(err.toString()).contains("'150%' is not a percent", "see: trafficctl set-weight --help")
			.doesNotContain("Exception", "\tat ");
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void withoutAServiceItSaysHowToConfigureOne() {
		assertThat(run(Map.of(), "", "get-weight", "myapp")).isEqualTo(3);
		assertThat(err.toString()).contains("trafficctl login --url URL", "TRAFFICCTL_URL");
	}

	@Test
	void anUnreachableServiceIsExitCode6() {
		assertThat(run(Map.of("TRAFFICCTL_URL", "http://127.0.0.1:9"), "", "get-weight", "myapp")).isEqualTo(6);
		assertThat(err.toString())
			.isEqualTo("error: cannot reach the service at http://127.0.0.1:9: nothing answers there\n");
	}

	@Test
	void problemDetailsBecomeTitleAndFieldsWithTheirExitCode() {
		Failure invalid = ServiceClient.problem(400,
				"""
						{"title":"Invalid request","detail":"Invalid fields: endpoint, version","status":400,
						 "errors":[{"field":"endpoint","message":"must not be blank"},{"field":"version","message":"letters, digits"}]}""");
		assertThat(invalid.exitCode()).isEqualTo(2);
		assertThat(invalid.getMessage()).isEqualTo("Invalid request");
		assertThat(invalid.details()).containsExactly("Invalid fields: endpoint, version",
				"endpoint: must not be blank", "version: letters, digits");
		assertThat(ServiceClient.problem(409, "{\"title\":\"Conflict\"}").exitCode()).isEqualTo(5);
		assertThat(ServiceClient.problem(404, "").exitCode()).isEqualTo(4);
		assertThat(ServiceClient.problem(401, "").exitCode()).isEqualTo(3);
		assertThat(ServiceClient.problem(403, "").exitCode()).isEqualTo(3);
		assertThat(ServiceClient.problem(503, "<html>").exitCode()).isEqualTo(6);
	}

	@Test
	void weightsAreShownByEndpoint() {
		var traffic = ServiceClient.parse("{\"desired\":{\"1.0.0\":90,\"2.0.0\":10}}");
		var running = List.of(new Weights.Named("a", "myapp", "1.0.0", "myapp-v1"),
				new Weights.Named("b", "myapp", "2.0.0", "myapp-v2"),
				new Weights.Named("c", "myapp", "3.0.0", "myapp-v3"));
		assertThat(Weights.line(Weights.byEndpoint(traffic, running)))
			.isEqualTo("myapp-v1: 90%, myapp-v2: 10%, myapp-v3: 0%");
	}

	@Test
	void tablesAlignTheirColumns() {
		StringWriter text = new StringWriter();
		new Table().column("ID", "id")
			.column("STATUS", "status")
			.print(new PrintWriter(text, true),
					ServiceClient
						.parse("[{\"id\":\"1\",\"status\":\"IN_PROGRESS\"},{\"id\":\"22\",\"status\":\"COMPLETED\"}]")
						.values());
		assertThat(text.toString()).isEqualTo("ID  STATUS\n1   IN_PROGRESS\n22  COMPLETED\n");
	}

	@Test
	void theConfigFileIsTheOwnersOnlyAndTheEnvironmentWins() throws IOException {
		assertThat(run(Map.of(), "", "config", "set", "environment", "staging")).isZero();
		Path file = home.resolve("trafficctl/config");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Settings.load(Map.of("XDG_CONFIG_HOME", home.toString())).environmentOr(null)).isEqualTo("staging");
		assertThat(Settings.load(Map.of("XDG_CONFIG_HOME", home.toString())).environmentOr("qa")).isEqualTo("qa");
		assertThat(Settings.load(Map.of("XDG_CONFIG_HOME", home.resolve("none").toString())).environmentOr(null))
			.isEqualTo("production");
		assertThat(run(Map.of(), "", "config", "set", "environment", "Not A Label")).isEqualTo(2);
	}

	@Test
	void loginRefusesAnEmptyToken() {
		assertThat(run(Map.of(), "\n", "login", "--url", "http://127.0.0.1:9")).isEqualTo(2);
		assertThat(err.toString()).contains("no token given");
	}

	@Test
	void everyCommandHasHelpWithAnExample() {
		var root = Trafficctl.commandLine(new Context(Map.of(), System.in, new PrintWriter(out), new PrintWriter(err)));
		List<picocli.CommandLine> all = new java.util.ArrayList<>();
		collect(root, all);
		assertThat(all).hasSizeGreaterThan(20);
		for (picocli.CommandLine command : all) {
			if (command.getCommandSpec().usageMessage().hidden()) {
				continue;
			}
			String help = command.getUsageMessage();
			assertThat(help).as(command.getCommandName()).containsPattern("Examples?:");
			assertThat(help).as(command.getCommandName()).contains("trafficctl");
		}
		assertThat(run(Map.of(), "", "generate-completion")).isZero();
		assertThat(out.toString()).contains("complete -F");
	}

	private static void collect(picocli.CommandLine command, List<picocli.CommandLine> all) {
		if (!command.getCommandName().equals("generate-completion")) {
			all.add(command);
		}
		command.getSubcommands().values().forEach(sub -> collect(sub, all));
	}

}
