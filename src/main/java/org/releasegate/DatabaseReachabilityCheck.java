package org.releasegate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says in one line that PostgreSQL cannot be reached and exits, instead of letting the
 * connection pool, Flyway and Hibernate each print a wall of stack traces.
 */
class DatabaseReachabilityCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String MISSING_DATABASE = "3D000";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		Properties properties = new Properties();
		properties.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		properties.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		properties.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			if (MISSING_DATABASE.equals(ex.getSQLState()) && createDatabase(url, properties)) {
				return;
			}
			System.err.println("ReleaseGate cannot reach PostgreSQL at " + url + " as user '"
					+ properties.getProperty("user") + "': " + rootMessage(ex)
					+ " (set RELEASEGATE_DB_URL, RELEASEGATE_DB_USER, RELEASEGATE_DB_PASSWORD)");
			System.exit(1);
		}
	}

	/**
	 * On a fresh machine the server runs but the database does not exist yet: create it,
	 * so that {@code ./mvnw spring-boot:run} works without a manual step. Flyway then
	 * creates the schema.
	 */
	private static boolean createDatabase(String url, Properties properties) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern
			.compile("(jdbc:postgresql://[^/]*/)([A-Za-z0-9_]+)(.*)")
			.matcher(url);
		if (!matcher.matches()) {
			return false;
		}
		String maintenanceUrl = matcher.group(1) + "postgres" + matcher.group(3);
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, properties);
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("create database " + matcher.group(2));
			System.out.println("ReleaseGate created the database '" + matcher.group(2) + "'");
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : ex.getMessage();
	}

}
