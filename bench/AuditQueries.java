import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the audit history's queries (the exact SQL AuditHistory issues: filters, newest
 * first, keyset on (occurred_at, id), 50 rows + 1) over the generated events: the first
 * page and the page 10,000 events deep of several filters, p50/p95 over 200 runs, with
 * the plan and the indexes it uses. Usage: java -cp postgresql.jar AuditQueries.java
 * jdbc-url user
 */
public class AuditQueries {

	static final String SELECT = "select id, occurred_at, actor, actor_kind, action, subject_type, subject_id, "
			+ "application, environment, before_state, after_state from audit_events where true";

	record Filter(String name, String where, Object... params) {
	}

	public static void main(String[] args) throws Exception {
		try (Connection db = DriverManager.getConnection(args[0], args[1], "")) {
			db.setAutoCommit(false);
			db.setReadOnly(true);
			Timestamp monthFrom = Timestamp.valueOf("2026-03-01 00:00:00");
			Timestamp monthTo = Timestamp.valueOf("2026-04-01 00:00:00");
			List<Filter> filters = List.of(new Filter("application", " and application = ?", "app-17"),
					new Filter("application+environment", " and application = ? and environment = ?", "app-42",
							"production"),
					new Filter("application+month", " and application = ? and occurred_at >= ? and occurred_at < ?",
							"app-99", monthFrom, monthTo),
					new Filter("actor", " and actor = ?", "actor-3"),
					new Filter("action+environment", " and action = ? and environment = ?", "release.approved", "staging"),
					new Filter("subject", " and subject_type = ? and subject_id = ?", "deployment", "subject-12345"),
					new Filter("month", " and occurred_at >= ? and occurred_at < ?", monthFrom, monthTo));
			boolean ok = true;
			System.out.printf("%-26s %-10s %8s %8s %8s  %s%n", "filter", "page", "rows", "p50 ms", "p95 ms", "indexes used");
			for (Filter filter : filters) {
				ok &= time(db, filter, null);
				Object[] cursor = cursorAt(db, filter, 10_000);
				if (cursor != null) {
					ok &= time(db, filter, cursor);
				}
			}
			System.out.println(ok ? "OK: every page p95 < 30 ms" : "OVER BUDGET: some page p95 >= 30 ms");
		}
	}

	/** The cursor a client holds after paging through the first n events. */
	static Object[] cursorAt(Connection db, Filter filter, int n) throws Exception {
		try (PreparedStatement ps = db.prepareStatement(
				SELECT + filter.where() + " order by occurred_at desc, id desc offset " + (n - 1) + " limit 1")) {
			bind(ps, filter.params(), null);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? new Object[] { rs.getTimestamp("occurred_at"), rs.getLong("id") } : null;
			}
		}
	}

	static boolean time(Connection db, Filter filter, Object[] cursor) throws Exception {
		String sql = SELECT + filter.where() + (cursor == null ? "" : " and (occurred_at, id) < (?, ?)")
				+ " order by occurred_at desc, id desc limit 51";
		long[] nanos = new long[200];
		int rows = 0;
		try (PreparedStatement ps = db.prepareStatement(sql)) {
			for (int i = -20; i < nanos.length; i++) {
				long started = System.nanoTime();
				bind(ps, filter.params(), cursor);
				rows = 0;
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						rs.getString("after_state");
						rows++;
					}
				}
				if (i >= 0) {
					nanos[i] = System.nanoTime() - started;
				}
			}
		}
		db.commit();
		Arrays.sort(nanos);
		double p50 = nanos[nanos.length / 2] / 1e6;
		double p95 = nanos[nanos.length * 95 / 100] / 1e6;
		System.out.printf("%-26s %-10s %8d %8.2f %8.2f  %s%n", filter.name(), cursor == null ? "first" : "10,000 deep",
				rows, p50, p95, plan(db, sql, filter.params(), cursor));
		return p95 < 30;
	}

	static String plan(Connection db, String sql, Object[] params, Object[] cursor) throws Exception {
		List<String> lines = new ArrayList<>();
		try (PreparedStatement ps = db.prepareStatement("explain (analyze, buffers) " + sql)) {
			bind(ps, params, cursor);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					lines.add(rs.getString(1));
				}
			}
		}
		db.commit();
		List<String> used = lines.stream()
			.filter(line -> line.contains(" using "))
			.map(line -> line.replaceAll(".*(Index(?: Only)? Scan(?: Backward)?) using (\\S+).*", "$1 $2"))
			.toList();
		if (System.getenv("BENCH_PLANS") != null) {
			lines.forEach(line -> System.out.println("    " + line));
		}
		return used.isEmpty() ? "NO INDEX: " + lines.get(0) : String.join(", ", used);
	}

	static void bind(PreparedStatement ps, Object[] params, Object[] cursor) throws Exception {
		int i = 1;
		for (Object param : params) {
			ps.setObject(i++, param);
		}
		if (cursor != null) {
			ps.setTimestamp(i++, (Timestamp) cursor[0]);
			ps.setLong(i, (Long) cursor[1]);
		}
	}

}
