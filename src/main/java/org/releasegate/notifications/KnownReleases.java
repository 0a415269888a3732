package org.releasegate.notifications;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What this module learnt of each release from {@code ReleaseRequested}: its candidate
 * version and requester, so later messages can name them without reading the releases
 * module's tables.
 */
@Component
class KnownReleases {

	private final JdbcClient jdbc;

	KnownReleases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void remember(Known release) {
		jdbc.sql(
				"""
						insert into notification_releases (release_id, application, environment, candidate_version, requested_by)
						values (:id, :application, :environment, :version, :requestedBy) on conflict (release_id) do nothing""")
			.param("id", release.id())
			.param("application", release.application())
			.param("environment", release.environment())
			.param("version", release.candidateVersion())
			.param("requestedBy", release.requestedBy())
			.update();
	}

	Optional<Known> find(UUID id) {
		return jdbc.sql("""
				select release_id, application, environment, candidate_version, requested_by
				from notification_releases where release_id = :id""")
			.param("id", id)
			.query((rs, n) -> new Known(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/** Whether the release exists (the history of a missing release is a 404). */
	boolean exists(UUID id) {
		// the releases module's table, read for existence only
		return jdbc.sql("select exists (select 1 from releases where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	record Known(UUID id, String application, String environment, String candidateVersion, String requestedBy) {
	}

}
