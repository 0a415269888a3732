package org.releasegate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The load-balancer connections tests configure, as an operator would: one directory per
 * test JVM (system property {@value #DIRECTORY_PROPERTY}) holding the HAProxy admin
 * socket of the connection {@code haproxy}; the in-memory load balancer is the connection
 * {@code memory}. Full-stack tests and service processes get the same connections.
 */
public class TestConnections implements LauncherSessionListener {

	public static final String DIRECTORY_PROPERTY = "releasegate.test.connections-dir";

	/** The properties every test service gets (without the leading "--"). */
	public static List<String> properties() {
		return List.of("releasegate.traffic.connections.haproxy.adapter=haproxy",
				"releasegate.traffic.connections.haproxy.settings.address=unix:" + haproxySocket(),
				"releasegate.egress.allowed=127.0.0.1/32,localhost");
	}

	/**
	 * What a further instance started in the test JVM (beside the shared test context)
	 * needs to work on the same bindings and audit chain: the connections, including the
	 * in-memory one, and the audit key.
	 */
	public static String[] instanceProperties(String... more) {
		List<String> properties = new java.util.ArrayList<>(properties());
		properties.add("releasegate.traffic.connections.memory.adapter=memory");
		properties.add("releasegate.traffic.connections.pull.adapter=pull");
		properties.add("releasegate.audit.key=" + FullStackTest.AUDIT_KEY);
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	/** Where the HAProxy of the {@code haproxy} connection opens its admin socket. */
	public static Path haproxySocket() {
		return directory().resolve("haproxy").resolve("admin.sock");
	}

	public static Path directory() {
		String directory = System.getProperty(DIRECTORY_PROPERTY);
		if (directory == null) {
			launch();
			directory = System.getProperty(DIRECTORY_PROPERTY);
		}
		return Path.of(directory);
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		launch();
	}

	private static synchronized void launch() {
		if (System.getProperty(DIRECTORY_PROPERTY) != null) {
			return;
		}
		try {
			Path directory = Files.createTempDirectory("releasegate-connections");
			Files.createDirectories(directory.resolve("haproxy"));
			System.setProperty(DIRECTORY_PROPERTY, directory.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
