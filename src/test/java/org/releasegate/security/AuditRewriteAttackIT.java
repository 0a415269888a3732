package org.releasegate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The service's own database role cannot rewrite history, and someone who can (holding
 * the superuser) and recomputes the chain with plain SHA-256 is caught by verify: the
 * chain is keyed with a secret outside the database. Its head is published as metrics.
 */
@FullStackTest
class AuditRewriteAttackIT {

	/** The canonical content of an event, as the service hashes it, computed by SQL. */
	private static final String CANONICAL = """
			select c.seq, c.event_id, c.prev_hash, c.hash, c.keyed, e.actor,
			  f(e.id::text) || f(((extract(epoch from e.occurred_at) * 1000000)::bigint)::text) || f(e.actor)
			  || f(e.actor_kind) || f(e.action) || f(e.subject_type) || f(e.subject_id) || f(e.application)
			  || f(e.environment) || f(e.before_state::text) || f(e.after_state::text) as canonical
			from audit_chain c join audit_events e on e.id = c.event_id
			where c.seq >= ? order by c.seq""";

	@Autowired
	Api api;

	@Autowired
	Environment environment;

	@Test
	void theRuntimeRoleCannotDisableTheTriggersNorChangeARow() throws Exception {
		long id = sealedEvent();
		try (Connection service = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
				environment.getRequiredProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password", ""));
				Statement statement = service.createStatement()) {
			for (String sql : List.of("alter table audit_events disable trigger all",
					"alter table audit_chain disable trigger all",
					"update audit_events set actor = 'mallory' where id = " + id,
					"delete from audit_chain where event_id = " + id, "set session_replication_role = replica")) {
				assertThatThrownBy(() -> statement.execute(sql)).as(sql)
					.isInstanceOf(SQLException.class)
					.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isIn("42501", "42P01"));
			}
		}
	}

	@Test
	void aChainRecomputedWithPlainSha256FailsVerification() throws Exception {
		long id = sealedEvent();
		String url = environment.getRequiredProperty("spring.datasource.url");
		try (Connection attacker = TestDatabase.superuser(url)) {
			execute(attacker, "create or replace function pg_temp.f(v text) returns text language sql as "
					+ "$$ select coalesce(octet_length(v)::text || ':' || v || E'\\n', E'~\\n') $$");
			List<Link> original = links(attacker, id);
			// the canonical form above is the service's: it reproduces the keyed hash
			assertThat(hmac(original.get(0).previousHash() + "\n" + original.get(0).canonical()))
				.isEqualTo(original.get(0).hash());
			try {
				execute(attacker, "set session_replication_role = replica");
				execute(attacker, "update audit_events set actor = 'mallory' where id = " + id);
				for (boolean markedKeyed : new boolean[] { true, false }) {
					String previous = original.get(0).previousHash();
					for (Link link : links(attacker, id)) {
						String hash = sha256(previous + "\n" + link.canonical());
						update(attacker, link.seq(), previous, hash, markedKeyed);
						previous = hash;
					}
					Map<String, Object> verdict = verify();
					assertThat(verdict).as("links marked keyed: %s", markedKeyed)
						.containsEntry("valid", false)
						.containsEntry("firstBrokenEventId", (int) id);
				}
			}
			finally {
				execute(attacker, "update audit_events set actor = '" + original.get(0).actor() + "' where id = " + id);
				for (Link link : original) {
					update(attacker, link.seq(), link.previousHash(), link.hash(), link.keyed());
				}
				execute(attacker, "set session_replication_role = origin");
			}
		}
		assertThat(verify()).containsEntry("valid", true);
	}

	@Test
	void theChainHeadIsPublishedAsMetrics() {
		sealedEvent();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.anonymous()
				.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()).containsPattern("releasegate_audit_chain_head_seq [1-9]")
				.containsPattern("releasegate_audit_chain_head_hash [0-9]"));
	}

	private long sealedEvent() {
		String application = api.application();
		Map<String, Object> event = api.auditEvents("application={app}", application).get(0);
		long id = ((Number) event.get("id")).longValue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> (Boolean) verify().get("valid") && ((Number) verify().get("unsealedEvents")).longValue() == 0);
		return id;
	}

	private Map<String, Object> verify() {
		return api.admin()
			.get()
			.uri("/api/v1/audit/verify")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
	}

	private static List<Link> links(Connection connection, long eventId) throws SQLException {
		List<Link> links = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement(CANONICAL.replace(" f(", " pg_temp.f(").replace("|| f(", "|| pg_temp.f("))) {
			statement.setLong(1, seqOf(connection, eventId));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					links.add(new Link(rs.getLong("seq"), rs.getString("prev_hash"), rs.getString("hash"),
							rs.getBoolean("keyed"), rs.getString("actor"), rs.getString("canonical")));
				}
			}
		}
		return links;
	}

	private static long seqOf(Connection connection, long eventId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select seq from audit_chain where event_id = ?")) {
			statement.setLong(1, eventId);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static void update(Connection connection, long seq, String previous, String hash, boolean keyed)
			throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("update audit_chain set prev_hash = ?, hash = ?, keyed = ? where seq = ?")) {
			statement.setString(1, previous);
			statement.setString(2, hash);
			statement.setBoolean(3, keyed);
			statement.setLong(4, seq);
			statement.executeUpdate();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String hmac(String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(FullStackTest.AUDIT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	private record Link(long seq, String previousHash, String hash, boolean keyed, String actor, String canonical) {
	}

}
