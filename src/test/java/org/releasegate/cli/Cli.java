package org.releasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the packaged {@code target/trafficctl.jar} as its own process, as a person or a
 * pipeline would, with {@code TRAFFICCTL_URL} and {@code TRAFFICCTL_TOKEN} and a config
 * directory of its own.
 */
final class Cli {

	static final Path JAR = Path.of("target/trafficctl.jar");

	private final String url;

	private final Path config;

	Cli(String url) throws IOException {
		this.url = url;
		this.config = Files.createTempDirectory("trafficctl-config");
	}

	/** Skips the calling test when the jar has not been packaged (it is, in verify). */
	static void assumePackaged() {
		Assumptions.assumeTrue(Files.isRegularFile(JAR), "target/trafficctl.jar is built by 'mvn package'");
	}

	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
		}

	}

	/** Runs {@code trafficctl ARGS} with the token of the person. */
	Result run(String token, String... args) throws IOException, InterruptedException {
		return run(token, Duration.ofMinutes(2), args);
	}

	Result run(String token, Duration limit, String... args) throws IOException, InterruptedException {
		return start(token, args).await(limit);
	}

	/** Starts {@code trafficctl ARGS} without waiting for it. */
	Running start(String token, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(key -> key.startsWith("TRAFFICCTL_"));
		env.put("TRAFFICCTL_URL", url);
		env.put("TRAFFICCTL_TOKEN", token);
		env.put("XDG_CONFIG_HOME", config.toString());
		Path out = Files.createTempFile("trafficctl", ".out");
		Path err = Files.createTempFile("trafficctl", ".err");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		return new Running(String.join(" ", args), process, out, err);
	}

	/** A trafficctl process under way; what it printed so far is in its files. */
	record Running(String args, Process process, Path out, Path err) {

		String outSoFar() throws IOException {
			return Files.readString(out, StandardCharsets.UTF_8);
		}

		Result await(Duration limit) throws IOException, InterruptedException {
			if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("trafficctl " + args + " did not end within " + limit);
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			return result;
		}

	}

}
