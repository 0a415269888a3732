package org.releasegate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service in a JVM of its own, as it runs in production, for tests that kill
 * it with SIGKILL. It conducts releases often (every 20 ms) so that tests stay short.
 */
public final class ServiceProcess implements AutoCloseable {

	public static final Path JAR = Path.of("target/releasegate-0.1.0-SNAPSHOT.jar");

	private final Process process;

	private final Path log;

	private ServiceProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/** Skips the calling test when the jar has not been packaged (it is, in verify). */
	public static void assumePackaged() {
		Assumptions.assumeTrue(Files.isRegularFile(JAR), "the packaged jar is built by 'mvn package' before this test");
	}

	/**
	 * Starts the service on the given database and port, and waits until it is ready:
	 * after its runners (the admin account is made by one), not merely started.
	 * @param arguments further Spring properties
	 */
	public static ServiceProcess start(String url, String user, String password, int port, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--releasegate.identity.admin-password=" + Api.ADMIN_PASSWORD,
				"--releasegate.releases.conduct-every=20ms", "--releasegate.releases.gate-every=200ms",
				"--releasegate.traffic.reconcile-interval=200ms"));
		TestConnections.properties().forEach(property -> command.add("--" + property));
		command.addAll(List.of(arguments));
		return launch(new ProcessBuilder(), port, command,
				Duration.ofSeconds(Long.getLong("releasegate.test.start-seconds", 180)));
	}

	/**
	 * Starts the packaged service as a new user does, with no database configured, in the
	 * given working directory (so it keeps an embedded PostgreSQL in
	 * {@code ./data/postgres} there), and waits until it is ready.
	 */
	public static ServiceProcess firstRun(Path workingDirectory, int port, String... arguments) throws IOException {
		ProcessBuilder builder = new ProcessBuilder().directory(workingDirectory.toFile());
		builder.environment()
			.keySet()
			.removeIf(name -> name.startsWith("RELEASEGATE_DB_") || name.startsWith("SPRING_"));
		// a new embedded PostgreSQL, all migrations and the demo data: slower than a
		// restart
		return launch(builder, port, List.of(arguments), Duration.ofMinutes(4));
	}

	private static ServiceProcess launch(ProcessBuilder builder, int port, List<String> arguments, Duration limit)
			throws IOException {
		Path log = Files.createTempFile("releasegate-process", ".log");
		log.toFile().deleteOnExit();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-jar",
				JAR.toAbsolutePath().toString(), "--server.port=" + port, "--spring.jmx.enabled=false"));
		command.addAll(arguments);
		Process process = builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServiceProcess service = new ServiceProcess(process, log);
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			await().atMost(limit)
				.pollInterval(Duration.ofMillis(100))
				.ignoreExceptions()
				.until(() -> !process.isAlive()
						|| client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw ex;
		}
		assertThat(process.isAlive()).as("the service started; its log: %s", log).isTrue();
		return service;
	}

	/** Starts the service on the database the test run uses, on a free port. */
	public static ServiceProcess onTestDatabase(String... arguments) throws IOException {
		return start(System.getProperty("spring.datasource.url"), System.getProperty("spring.datasource.username"),
				System.getProperty("spring.datasource.password", ""), freePort(), arguments);
	}

	/** A port nobody listens on right now. */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** SIGKILL: no shutdown hook runs, open transactions are cut off. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/**
	 * SIGTERM, as a service manager stops it: shutdown hooks run; waits until it exits.
	 */
	public int stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		return process.exitValue();
	}

	public String log() throws IOException {
		return Files.readString(log);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
