package org.releasegate.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real HAProxy for tests: one frontend on a free port, one backend whose servers are
 * given at start, and an admin stats socket (Unix and TCP). Can be stopped and started
 * again with the same configuration, which loses runtime weights as a reload would.
 */
public final class HaproxyProcess implements AutoCloseable {

	public static final Path BINARY = Path.of(System.getenv().getOrDefault("HAPROXY_BINARY", "/usr/sbin/haproxy"));

	private final Path directory;

	private final Path config;

	private final int frontendPort;

	private final int adminPort;

	private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

	/** The name the test gave the backend, and the name HAProxy knows it by. */
	private final String logicalBackend;

	private final String backend;

	private Process process;

	private HaproxyProcess(Path directory, String logicalBackend, String backend, String servers) throws IOException {
		this.directory = directory;
		this.logicalBackend = logicalBackend;
		this.backend = backend;
		this.frontendPort = freePort();
		this.adminPort = freePort();
		this.config = directory.resolve("haproxy.cfg");
		Files.writeString(config, """
				global
				    stats socket %s mode 600 level admin
				    stats socket ipv4@127.0.0.1:%d level admin
				defaults
				    mode http
				    timeout connect 1s
				    timeout client 5s
				    timeout server 5s
				frontend fe
				    bind 127.0.0.1:%d
				    default_backend %s
				backend %s
				    balance roundrobin
				%s
				""".formatted(socket(), adminPort, frontendPort, backend, backend, servers));
	}

	/**
	 * Skips the calling test when HAProxy is not installed, unless {@code CI} is set,
	 * where a missing HAProxy is a failure.
	 */
	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(BINARY);
		if (!installed && System.getenv("CI") != null) {
			throw new AssertionError("HAProxy is required in CI but " + BINARY + " is missing");
		}
		Assumptions.assumeTrue(installed, "HAProxy is not installed at " + BINARY + " (apt-get install haproxy)");
	}

	/**
	 * Starts HAProxy with the given server lines, e.g.
	 * {@code server v1 127.0.0.1:8081 weight 256}.
	 */
	public static HaproxyProcess start(String backend, String... servers) throws IOException {
		// every HAProxy of a test JVM opens the socket of the connection 'haproxy':
		// bindings
		// of earlier tests must not find their backend in a later HAProxy
		return start(backend, backend + "-" + STARTED.incrementAndGet(), servers);
	}

	/** As {@link #start}, with the backend named exactly as given. */
	public static HaproxyProcess startNamedExactly(String backend, String... servers) throws IOException {
		return start(backend, backend, servers);
	}

	private static HaproxyProcess start(String logicalBackend, String backend, String... servers) throws IOException {
		Path directory = Files.createTempDirectory("haproxy-test");
		HaproxyProcess haproxy = new HaproxyProcess(directory, logicalBackend, backend,
				String.join("\n", java.util.Arrays.stream(servers).map(line -> "    " + line).toList()));
		haproxy.start();
		return haproxy;
	}

	public synchronized void start() throws IOException {
		Files.deleteIfExists(socket());
		process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(directory.resolve("haproxy.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"HAProxy exited: " + Files.readString(directory.resolve("haproxy.log")));
			}
			try {
				command("show info");
				return;
			}
			catch (IOException notYet) {
				sleep(20);
			}
		}
		throw new IllegalStateException("HAProxy did not open its admin socket within 10 s");
	}

	public synchronized void stop() {
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(5, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	/** Runs a runtime API command over the Unix socket and returns HAProxy's answer. */
	public String command(String command) throws IOException {
		command = command.replace(logicalBackend + "/", backend + "/");
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket()));
			channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
			try (InputStream in = java.nio.channels.Channels.newInputStream(channel)) {
				return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			}
		}
	}

	/** The current weight of a server, as {@code get weight} reports it. */
	public int weight(String backend, String server) throws IOException {
		String answer = command(
				"get weight " + (backend.equals(logicalBackend) ? this.backend : backend) + "/" + server)
			.strip();
		return Integer.parseInt(answer.split("\\s+")[0]);
	}

	/**
	 * The admin socket, where the test services' connection {@code haproxy} expects it
	 * ({@link org.releasegate.TestConnections}): one HAProxy at a time per test JVM.
	 */
	/** The backend's name in HAProxy, for bindings. */
	public String backend() {
		return backend;
	}

	public Path socket() {
		return org.releasegate.TestConnections.haproxySocket();
	}

	public String unixAddress() {
		return "unix:" + socket();
	}

	public String tcpAddress() {
		return "tcp:127.0.0.1:" + adminPort;
	}

	public String frontendUrl() {
		return "http://127.0.0.1:" + frontendPort + "/";
	}

	@Override
	public void close() {
		stop();
		try (var files = Files.list(directory)) {
			files.forEach(file -> file.toFile().delete());
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			// a temp directory left behind is harmless
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
