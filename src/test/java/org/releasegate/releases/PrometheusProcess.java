package org.releasegate.releases;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus for tests, scraping one target every second, with its data in a
 * temporary directory.
 */
final class PrometheusProcess implements AutoCloseable {

	static final Path BINARY = Path.of(System.getenv().getOrDefault("PROMETHEUS_BINARY", "/usr/bin/prometheus"));

	private final Process process;

	private final Path directory;

	private final int port;

	private PrometheusProcess(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/** Skips the test without Prometheus, unless {@code CI} is set. */
	static void assumeInstalled() {
		boolean installed = Files.isExecutable(BINARY);
		if (!installed && System.getenv("CI") != null) {
			throw new AssertionError("Prometheus is required in CI but " + BINARY + " is missing");
		}
		Assumptions.assumeTrue(installed, "Prometheus is not installed at " + BINARY + " (apt-get install prometheus)");
	}

	static PrometheusProcess start(String target) throws IOException {
		Path directory = Files.createTempDirectory("prometheus-test");
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: app
				    static_configs:
				      - targets: ['%s']
				""".formatted(target));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		return new PrometheusProcess(process, directory, port);
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	/** Whether an instant query returns at least one sample. */
	boolean hasSample(String query) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create(url() + "/api/v1/query?query="
							+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"value\"");
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (var files = Files.walk(directory)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temp directory left behind is harmless
		}
	}

}
