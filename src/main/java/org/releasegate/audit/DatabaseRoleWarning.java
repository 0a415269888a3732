package org.releasegate.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start when the service's database role could rewrite the audit history: a
 * superuser, or the owner of the audit tables (an owner may disable their triggers).
 */
@Component
class DatabaseRoleWarning implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoleWarning.class);

	private final JdbcTemplate jdbc;

	DatabaseRoleWarning(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Boolean superuser = jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user",
				Boolean.class);
		Boolean owner = jdbc.queryForObject(
				"select pg_get_userbyid(relowner) = current_user from pg_class where relname = 'audit_events'",
				Boolean.class);
		if (Boolean.TRUE.equals(superuser)) {
			log.warn("The service connects to PostgreSQL as a superuser: it could disable the audit triggers and "
					+ "rewrite history. Run it as a runtime role (README, \"Database roles\").");
		}
		else if (Boolean.TRUE.equals(owner)) {
			log.warn("The service connects to PostgreSQL as the owner of the audit tables: it could disable their "
					+ "triggers and rewrite history. Migrate as the owner (RELEASEGATE_DB_MIGRATION_USER) and run "
					+ "as a runtime role (README, \"Database roles\").");
		}
	}

}
