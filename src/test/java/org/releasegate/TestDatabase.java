package org.releasegate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;

/**
 * Gives every test run a PostgreSQL database of its own. Where Docker runs, the tests use
 * Testcontainers ({@link TestcontainersConfiguration}); where it does not (as on our CI
 * machines), this listener creates a fresh database on the PostgreSQL at
 * {@code RELEASEGATE_TEST_DB_URL} (default
 * {@code jdbc:postgresql://localhost:5432/postgres}, user {@code postgres}) before the
 * first test and drops it after the last one. Where that PostgreSQL cannot be reached
 * either (or {@code RELEASEGATE_TEST_DB=embedded}), the tests start an embedded
 * PostgreSQL of their own in a temporary directory, so that {@code ./mvnw verify} needs
 * no database installed.
 * <p>
 * That database is set up as in production (README, "Database roles"): a role of its own
 * owns it and runs the migrations ({@code spring.flyway.user}), and the service connects
 * as a second role that may only INSERT and SELECT the audit tables. Tests that need the
 * superuser's power (to play an attacker holding the database) use
 * {@link #superuser(String)}.
 */
public class TestDatabase implements LauncherSessionListener {

	private static final String PREFIX = "releasegate_test_";

	private static volatile Boolean dockerAvailable;

	private static volatile EmbeddedPostgres embedded;

	private String database;

	/** Whether Docker can start containers here; asked once per test JVM. */
	public static boolean dockerAvailable() {
		if (dockerAvailable == null) {
			boolean forcedLocal = "local".equalsIgnoreCase(System.getenv("RELEASEGATE_TEST_DB"));
			// asking Testcontainers where there is plainly no Docker only logs a scary
			// error
			boolean anyDocker = System.getenv("DOCKER_HOST") != null
					|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
			dockerAvailable = !forcedLocal && anyDocker && DockerClientFactory.instance().isDockerAvailable();
		}
		return dockerAvailable;
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (System.getProperty("spring.datasource.url") != null || dockerAvailable()) {
			return;
		}
		if ("embedded".equalsIgnoreCase(System.getenv("RELEASEGATE_TEST_DB")) || !reachable()) {
			startEmbedded();
		}
		database = PREFIX + Instant.now().getEpochSecond() + "_" + ThreadLocalRandom.current().nextInt(100_000);
		String ownerPassword = "owner-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
		String servicePassword = "service-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			dropAbandoned(statement);
			statement.execute("create role " + database + "_owner login password '" + ownerPassword + "'");
			statement.execute("create role " + database + "_service login password '" + servicePassword + "'");
			statement.execute("create database " + database + " owner " + database + "_owner");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tests need PostgreSQL: cannot create a test database at " + adminUrl()
					+ " (set RELEASEGATE_TEST_DB_URL, RELEASEGATE_TEST_DB_USER, RELEASEGATE_TEST_DB_PASSWORD): "
					+ ex.getMessage(), ex);
		}
		String url = adminUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
		System.setProperty("spring.datasource.url", url);
		System.setProperty("spring.datasource.username", database + "_service");
		System.setProperty("spring.datasource.password", servicePassword);
		System.setProperty("spring.flyway.user", database + "_owner");
		System.setProperty("spring.flyway.password", ownerPassword);
	}

	/**
	 * A connection as the PostgreSQL superuser the tests administer with: what someone
	 * holding the database has.
	 */
	public static Connection superuser(String url) throws SQLException {
		return DriverManager.getConnection(url, user(), password());
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (database == null) {
			return;
		}
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("drop role if exists " + database + "_service");
			statement.execute("drop role if exists " + database + "_owner");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + database + ": " + ex.getMessage());
		}
		if (embedded != null) {
			try {
				embedded.close();
			}
			catch (java.io.IOException ex) {
				System.err.println("Could not stop the embedded test PostgreSQL: " + ex.getMessage());
			}
			embedded = null;
		}
	}

	/** Whether the PostgreSQL at {@code RELEASEGATE_TEST_DB_URL} answers. */
	private static boolean reachable() {
		try (Connection connection = adminConnection()) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** A real PostgreSQL in a temporary directory, deleted when the run ends. */
	private static void startEmbedded() {
		try {
			embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Tests need PostgreSQL: none reachable at " + adminUrl()
					+ " and the embedded one did not start: " + ex.getMessage(), ex);
		}
		System.out.println("The tests run on an embedded PostgreSQL at " + adminUrl()
				+ " (no Docker, and no PostgreSQL at RELEASEGATE_TEST_DB_URL or RELEASEGATE_TEST_DB=embedded)");
	}

	/**
	 * A further fresh database on the same PostgreSQL, for services a test starts apart
	 * from the shared test context (which never sees it); dropped on close.
	 */
	public static Extra extra() {
		String name = PREFIX + Instant.now().getEpochSecond() + "_" + ThreadLocalRandom.current().nextInt(100_000);
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create a database at " + adminUrl() + ": " + ex.getMessage(), ex);
		}
		return new Extra(name, adminUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user(), password());
	}

	/** A database made by {@link #extra()}. */
	public record Extra(String name, String url, String user, String password) implements AutoCloseable {

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(url, user, password);
		}

		@Override
		public void close() {
			try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
			}
		}

	}

	/** Databases of runs that died without cleaning up, a day or more ago. */
	private static void dropAbandoned(Statement statement) throws SQLException {
		List<String> abandoned = new ArrayList<>();
		long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
		try (ResultSet rs = statement
			.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String[] parts = name.substring(PREFIX.length()).split("_");
				if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
					abandoned.add(name);
				}
			}
		}
		for (String name : abandoned) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("drop role if exists " + name + "_service");
			statement.execute("drop role if exists " + name + "_owner");
		}
	}

	private static Connection adminConnection() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user());
		properties.setProperty("password", password());
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(adminUrl(), properties);
	}

	static String adminUrl() {
		EmbeddedPostgres started = embedded;
		if (started != null) {
			return started.getJdbcUrl("postgres", "postgres");
		}
		return env("RELEASEGATE_TEST_DB_URL", "jdbc:postgresql://localhost:5432/postgres");
	}

	private static String user() {
		if (embedded != null) {
			return "postgres";
		}
		return env("RELEASEGATE_TEST_DB_USER", "postgres");
	}

	private static String password() {
		if (embedded != null) {
			return "";
		}
		return env("RELEASEGATE_TEST_DB_PASSWORD", "");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
