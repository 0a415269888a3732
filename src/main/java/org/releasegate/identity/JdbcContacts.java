package org.releasegate.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email columns of {@code users} (migration V140), kept beside the {@link User}
 * entity rather than in it so that notifications change identity as little as possible.
 */
@Component
class JdbcContacts implements Contacts {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	JdbcContacts(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Contact> emailable(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select username, display_name, email from users
				where username in (:usernames) and enabled and email_notifications and email is not null
				order by username""")
			.param("usernames", usernames)
			.query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> holding(Role role) {
		return jdbc.sql("""
				select u.username from users u join user_roles r on r.user_id = u.id
				where r.role = :role and u.enabled order by u.username""")
			.param("role", role.name())
			.query(String.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExpiringToken> expiringBefore(Instant instant) {
		return jdbc.sql("""
				select t.id, t.name, u.username, t.expires_at from api_tokens t join users u on u.id = t.user_id
				where t.revoked_at is null and t.expires_at > now() and t.expires_at < :before""")
			.param("before", Timestamp.from(instant))
			.query((rs, n) -> new ExpiringToken(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** The person's own email settings. */
	@Transactional(readOnly = true)
	Optional<EmailSettings> settings(String username) {
		return jdbc.sql("select email, email_notifications from users where username = :username")
			.param("username", username)
			.query((rs, n) -> new EmailSettings(rs.getString(1), rs.getBoolean(2)))
			.optional();
	}

	@Transactional
	void change(String username, EmailSettings settings) {
		EmailSettings before = settings(username).orElseThrow();
		audit.record(AuditEntry.of("identity.email-changed", "user", username).before(before).after(settings));
		jdbc.sql("update users set email = :email, email_notifications = :wanted where username = :username")
			.param("email", settings.email())
			.param("wanted", settings.notifications())
			.param("username", username)
			.update();
	}

	/** An address (or none) and whether the person wants notifications by email. */
	record EmailSettings(String email, boolean notifications) {
	}

}
