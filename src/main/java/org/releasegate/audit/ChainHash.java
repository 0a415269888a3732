package org.releasegate.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;

/**
 * The canonical content of an audit event and its link hash. Every field is written as
 * its UTF-8 byte length, a colon and the value ({@code ~} for null), one per line, so no
 * two different events share a canonical form. JSON is taken as PostgreSQL's
 * {@code jsonb} text, which is already normalised. The link hash is
 * {@code HMAC-SHA256(key, previous hash + "\n" + canonical content)} in lowercase hex
 * with the audit key, or plain {@code SHA-256} of the same for links sealed without one.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	/** The columns {@link #of(String, ResultSet)} reads, for the queries that feed it. */
	static final String EVENT_COLUMNS = "e.id, e.occurred_at, e.actor, e.actor_kind, e.action, e.subject_type, "
			+ "e.subject_id, e.application, e.environment, e.before_state::text as before_text, "
			+ "e.after_state::text as after_text";

	private ChainHash() {
	}

	/** A plain link, or a keyed one when {@code key} is not null. */
	static String of(String previousHash, ResultSet event, byte[] key) throws SQLException {
		StringBuilder canonical = new StringBuilder(512);
		field(canonical, Long.toString(event.getLong("id")));
		Timestamp at = event.getTimestamp("occurred_at");
		field(canonical, Long.toString(Math.floorDiv(at.getTime(), 1000) * 1_000_000 + at.getNanos() / 1000));
		field(canonical, event.getString("actor"));
		field(canonical, event.getString("actor_kind"));
		field(canonical, event.getString("action"));
		field(canonical, event.getString("subject_type"));
		field(canonical, event.getString("subject_id"));
		field(canonical, event.getString("application"));
		field(canonical, event.getString("environment"));
		field(canonical, event.getString("before_text"));
		field(canonical, event.getString("after_text"));
		String text = previousHash + "\n" + canonical;
		return key == null ? sha256(text) : hmac(key, text);
	}

	private static String hmac(byte[] key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

	private static void field(StringBuilder canonical, String value) {
		if (value == null) {
			canonical.append("~\n");
			return;
		}
		canonical.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
