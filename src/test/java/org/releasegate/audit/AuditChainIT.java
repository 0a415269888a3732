package org.releasegate.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FullStackTest
class AuditChainIT {

	@Autowired
	Api api;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	@Test
	void theDatabaseRefusesToChangeOrRemoveAuditRows() throws SQLException {
		String subject = Api.unique("append-only");
		audit.record(AuditEntry.of("test.recorded", "thing", subject), Actor.SYSTEM);
		long id = eventId(subject);
		awaitSealed(id);
		// even the superuser (the tests' database user) is stopped by the triggers; all
		// of it
		// in a transaction rolled back at the end, should a trigger ever be missing
		try (Connection connection = AuditDatabase.superuser(environment)) {
			connection.setAutoCommit(false);
			for (String sql : List.of("update audit_events set actor = 'mallory' where id = " + id,
					"delete from audit_events where id = " + id, "truncate audit_events cascade",
					"update audit_chain set hash = repeat('0', 64) where event_id = " + id,
					"delete from audit_chain where event_id = " + id, "truncate audit_chain")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("savepoint attempt");
					assertThatThrownBy(() -> statement.execute(sql)).as(sql)
						.isInstanceOf(SQLException.class)
						.hasMessageContaining("audit history is append-only");
					statement.execute("rollback to savepoint attempt");
				}
			}
			connection.rollback();
		}
		assertThat(jdbc.queryForObject("select actor from audit_events where id = ?", String.class, id))
			.isEqualTo("system");
	}

	@Test
	void verifyPointsAtTheEventASuperuserAlteredBehindTheTriggers() throws SQLException {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String subject = Api.unique("tamper");
			audit.record(AuditEntry.of("test.recorded", "thing", subject).after(Map.of("n", i)), Actor.SYSTEM);
			ids.add(eventId(subject));
		}
		ids.forEach(this::awaitSealed);
		assertThat(verify()).containsEntry("valid", true).containsEntry("firstBrokenEventId", null);

		long victim = ids.get(1);
		try (Connection connection = AuditDatabase.superuser(environment)) {
			tamper(connection, "update audit_events set after_state = '{\"n\": 42}' where id = " + victim);
			try {
				Map<String, Object> broken = verify();
				assertThat(broken).containsEntry("valid", false);
				assertThat(((Number) broken.get("firstBrokenEventId")).longValue()).isEqualTo(victim);
				assertThat(((Number) broken.get("checkedEvents")).longValue()).isPositive();
			}
			finally {
				// the database is shared by every full-stack test: put the row back
				tamper(connection, "update audit_events set after_state = '{\"n\": 1}' where id = " + victim);
			}
		}
		assertThat(verify()).containsEntry("valid", true);
	}

	@Test
	void thirtyTwoParallelWritersMakeOneValidChain() throws Exception {
		String action = "test.parallel-" + Api.unique("w");
		int writers = 32;
		int eventsEach = 25;
		// a second sealer, as another instance would run, competing for the advisory lock
		AuditSealer otherInstance = new AuditSealer(jdbc, transactions, properties, java.time.Clock.systemUTC(),
				new SimpleMeterRegistry());
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
		try {
			Future<?> competing = pool.submit(() -> {
				while (writing.get()) {
					otherInstance.sealAll();
				}
				return null;
			});
			List<Long> writeNanos = java.util.Collections.synchronizedList(new ArrayList<>());
			List<Callable<Long>> tasks = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				tasks.add(() -> {
					long slowest = 0;
					for (int i = 0; i < eventsEach; i++) {
						long started = System.nanoTime();
						AuditEntry entry = AuditEntry.of(action, "thing", writer + "-" + i).in("parallel", "test");
						transactions.executeWithoutResult(status -> audit.record(entry, Actor.SYSTEM));
						slowest = Math.max(slowest, System.nanoTime() - started);
						writeNanos.add(System.nanoTime() - started);
					}
					return slowest;
				});
			}
			long slowestWrite = 0;
			for (Future<Long> result : pool.invokeAll(tasks)) {
				slowestWrite = Math.max(slowestWrite, result.get());
			}
			writing.set(false);
			competing.get(30, TimeUnit.SECONDS);
			List<Long> sorted = writeNanos.stream().sorted().toList();
			// writers take no lock of the chain: their time is the insert and commit
			// alone
			System.out.printf("32 writers, %d audit writes: p50 %.1f ms, p99 %.1f ms, slowest %.1f ms%n", sorted.size(),
					sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
					slowestWrite / 1e6);
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}

		Long recorded = jdbc.queryForObject("select count(*) from audit_events where action = ?", Long.class, action);
		assertThat(recorded).isEqualTo((long) writers * eventsEach);
		awaitAllSealed(action);
		Long chained = jdbc.queryForObject(
				"select count(*) from audit_chain c join audit_events e on e.id = c.event_id where e.action = ?",
				Long.class, action);
		assertThat(chained).isEqualTo(recorded);
		// one chain: as many links as the highest sequence number, each event linked once
		Map<String, Object> shape = jdbc.queryForMap(
				"select count(*) as links, max(seq) as top, count(distinct event_id) as events from audit_chain");
		assertThat(((Number) shape.get("links")).longValue()).isEqualTo(((Number) shape.get("top")).longValue())
			.isEqualTo(((Number) shape.get("events")).longValue());
		Map<String, Object> verified = verify();
		assertThat(verified).containsEntry("valid", true);
		assertThat(((Number) verified.get("checkedEvents")).longValue())
			.isEqualTo(((Number) shape.get("links")).longValue());
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

	private static void tamper(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			statement.execute(sql);
			statement.execute("set session_replication_role = origin");
		}
	}

	private long eventId(String subject) {
		return jdbc.queryForObject("select id from audit_events where subject_id = ?", Long.class, subject);
	}

	private void awaitSealed(long id) {
		await(() -> jdbc.queryForObject("select count(*) from audit_chain where event_id = ?", Long.class, id) == 1);
	}

	private void awaitAllSealed(String action) {
		await(() -> jdbc.queryForObject(
				"select count(*) from audit_events e where e.action = ? and not exists (select 1 from audit_chain c where c.event_id = e.id)",
				Long.class, action) == 0);
	}

	private static void await(Callable<Boolean> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		try {
			while (!condition.call()) {
				assertThat(System.nanoTime()).as("sealed within 10 s").isLessThan(deadline);
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex);
		}
	}

}
