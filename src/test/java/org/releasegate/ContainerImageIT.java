package org.releasegate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No container runs here, so this performs what the {@code Dockerfile} makes the image
 * do, read from the file itself: the builder stage's extract, the layer copies, the
 * training run that makes the CDS archive, the entrypoint (on the test database) and the
 * health check; and checks the file for a JRE base, a non-root user, a health check and
 * no secrets.
 */
class ContainerImageIT {

	private static final Path DOCKERFILE = Path.of("Dockerfile");

	@TempDir
	Path root;

	@Test
	void theDockerfileRunsAsANonRootUserWithAHealthCheckAndNoSecrets() throws IOException {
		List<String> instructions = instructions();
		List<String> last = finalStage(instructions);
		assertThat(instructions).filteredOn(line -> line.startsWith("FROM ")).allMatch(line -> line.contains("-jre"));
		List<String> users = last.stream().filter(line -> line.startsWith("USER ")).toList();
		assertThat(users).as("the final stage switches to a user").isNotEmpty();
		assertThat(users.get(users.size() - 1).substring(5).trim()).isNotIn("root", "0", "0:0");
		assertThat(last)
			.anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/actuator/health/readiness"));
		assertThat(last).anyMatch(line -> line.startsWith("ENTRYPOINT [") && line.contains("SharedArchiveFile"));
		assertThat(instructions).filteredOn(line -> line.startsWith("ENV ") || line.startsWith("ARG "))
			.noneMatch(line -> line.toUpperCase().matches(".*(PASSWORD|SECRET|TOKEN|_KEY|DB_URL|DB_USER).*"));
		assertThat(instructions).filteredOn(line -> line.startsWith("COPY ") || line.startsWith("ADD "))
			.noneMatch(line -> line.matches(".*(\\.env|\\.pem|\\.key|id_rsa|settings\\.xml).*"));
	}

	@Test
	void theImagesStartPathServesReadinessFromTheCdsArchive() throws Exception {
		ServiceProcess.assumePackaged();
		List<String> instructions = instructions();
		List<String> builderStage = instructions.subList(0, instructions.lastIndexOf(finalStage(instructions).get(0)));
		Path builder = Files.createDirectories(root.resolve("builder"));
		Path app = Files.createDirectories(root.resolve("app"));

		// builder: COPY target/releasegate-*.jar application.jar, then its RUN (the
		// extract)
		Files.copy(ServiceProcess.JAR, builder.resolve("application.jar"));
		for (String run : runs(builderStage)) {
			assertThat(shell(run, builder, Map.of(), Duration.ofMinutes(3))).as(run).isZero();
		}
		// final stage: the layer copies, then the RUN lines as the non-root user
		List<String> stage = finalStage(instructions);
		Matcher copy = Pattern.compile("COPY --from=builder /builder/(\\S+) \\./").matcher("");
		int layers = 0;
		for (String line : stage) {
			if (copy.reset(line).matches()) {
				copyTree(builder.resolve(copy.group(1)), app);
				layers++;
			}
		}
		assertThat(layers).isEqualTo(4);
		List<String> afterUser = stage.subList(indexOfUser(stage), stage.size());
		for (String run : runs(afterUser)) {
			assertThat(shell(run, app, Map.of(), Duration.ofMinutes(6))).as("training run: " + run).isZero();
		}
		assertThat(app.resolve("application.jsa")).as("the training run made the CDS archive").isRegularFile();
		assertThat(Files.size(app.resolve("application.jsa"))).isGreaterThan(10_000_000);
		assertThat(app.resolve("training")).as("the training database is removed").doesNotExist();

		Map<String, String> environment = new LinkedHashMap<>(envs(stage));
		int port = ServiceProcess.freePort();
		environment.put("RELEASEGATE_PORT", String.valueOf(port));
		environment.put("RELEASEGATE_DB_URL", System.getProperty("spring.datasource.url"));
		environment.put("RELEASEGATE_DB_USER", System.getProperty("spring.datasource.username"));
		environment.put("RELEASEGATE_DB_PASSWORD", System.getProperty("spring.datasource.password", ""));
		List<String> entrypoint = entrypoint(stage);
		entrypoint.set(0, java());
		Path archiveCheck = root.resolve("archive-check.log");
		int archiveAccepted = new ProcessBuilder(withArchiveCheck(entrypoint)).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(archiveCheck.toFile())
			.start()
			.waitFor();
		assertThat(archiveAccepted).as("the JVM accepts the CDS archive for the entrypoint's class path").isZero();
		assertThat(Files.readString(archiveCheck)).contains("archive is valid");

		Path log = root.resolve("service.log");
		ProcessBuilder start = new ProcessBuilder(entrypoint).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		start.environment().putAll(environment);
		long started = System.nanoTime();
		Process service = start.start();
		try {
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest readiness = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2))
				.build();
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.until(() -> !service.isAlive()
						|| client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
			assertThat(service.isAlive()).as("the service started; its log: %s", Files.readString(log)).isTrue();
			Duration startUp = Duration.ofNanos(System.nanoTime() - started);
			System.out
				.println("ContainerImageIT: the image's entrypoint was ready after " + startUp.toMillis() + " ms");
			assertThat(startUp).isLessThan(Duration.ofSeconds(180));
			assertThat(shell(healthCheck(stage), app, environment, Duration.ofSeconds(10))).as("HEALTHCHECK passes")
				.isZero();
		}
		finally {
			service.destroy();
			service.waitFor(30, TimeUnit.SECONDS);
			service.destroyForcibly();
		}
		assertThat(shell(healthCheck(stage), app, environment, Duration.ofSeconds(10)))
			.as("HEALTHCHECK fails once the service is gone")
			.isNotZero();
	}

	/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
	private static List<String> instructions() throws IOException {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(DOCKERFILE)) {
			if (line.isBlank() || line.trim().startsWith("#")) {
				continue;
			}
			String trimmed = line.strip();
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			instructions.add(current.append(trimmed).toString().replaceAll("\\s+", " "));
			current.setLength(0);
		}
		return instructions;
	}

	private static List<String> finalStage(List<String> instructions) {
		int from = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).startsWith("FROM ")) {
				from = i;
			}
		}
		return instructions.subList(from, instructions.size());
	}

	private static int indexOfUser(List<String> stage) {
		for (int i = 0; i < stage.size(); i++) {
			if (stage.get(i).startsWith("USER ")) {
				return i;
			}
		}
		throw new AssertionError("no USER in the final stage");
	}

	private static List<String> runs(List<String> stage) {
		return stage.stream().filter(line -> line.startsWith("RUN ")).map(line -> line.substring(4)).toList();
	}

	private static Map<String, String> envs(List<String> stage) {
		Map<String, String> env = new LinkedHashMap<>();
		stage.stream()
			.filter(line -> line.startsWith("ENV "))
			.map(line -> line.substring(4).split("=", 2))
			.forEach(pair -> env.put(pair[0].trim(), pair[1].trim()));
		return env;
	}

	private static List<String> entrypoint(List<String> stage) {
		String line = stage.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
		List<String> command = new ArrayList<>();
		Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(line);
		while (word.find()) {
			command.add(word.group(1));
		}
		return command;
	}

	private static List<String> withArchiveCheck(List<String> entrypoint) {
		List<String> command = new ArrayList<>(entrypoint);
		command.add(1, "-XX:+PrintSharedArchiveAndExit");
		command.add(1, "-Xshare:on");
		return command;
	}

	private static String healthCheck(List<String> stage) {
		String line = stage.stream().filter(l -> l.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
		return line.substring(line.indexOf(" CMD ") + 5);
	}

	/**
	 * Runs a shell-form instruction as Docker does ({@code /bin/sh -c}), with our JDK.
	 */
	private static int shell(String command, Path directory, Map<String, String> env, Duration limit)
			throws IOException, InterruptedException {
		// the output goes to a file: written straight to the test JVM's streams it would
		// corrupt the build's channel to the forked JVM
		Path output = Files.createTempFile("container-image-step", ".log");
		output.toFile().deleteOnExit();
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().putAll(env);
		builder.environment().keySet().removeIf(name -> name.startsWith("RELEASEGATE_DB_") && !env.containsKey(name));
		builder.environment()
			.put("PATH",
					Path.of(java()).getParent() + ":" + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
		Process process = builder.start();
		if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			System.out.println(Files.readString(output));
			return -1;
		}
		if (process.exitValue() != 0) {
			System.out.println(Files.readString(output));
		}
		return process.exitValue();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

}
