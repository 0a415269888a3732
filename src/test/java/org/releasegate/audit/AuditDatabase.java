package org.releasegate.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.core.env.Environment;

/**
 * A connection of the test's own to the service's database, as the superuser the tests
 * connect as: what an attacker with database access would have.
 */
final class AuditDatabase {

	private AuditDatabase() {
	}

	static Connection superuser(Environment environment) throws SQLException {
		return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username", "postgres"),
				environment.getProperty("spring.datasource.password", ""));
	}

}
