package org.releasegate.audit;

import org.releasegate.TestDatabase;

import java.sql.Connection;
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
		return TestDatabase.superuser(environment.getRequiredProperty("spring.datasource.url"));
	}

}
