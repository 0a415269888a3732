import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The ceiling for recording deployments: one JDBC client inserting the same rows the
 * service writes per request (a deployment and its audit event, one transaction each),
 * with no HTTP, security or JSON in between. Usage: java -cp postgresql.jar
 * RawInsert.java jdbc-url user seconds
 */
public class RawInsert {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args[1];
		long seconds = Long.parseLong(args[2]);
		try (Connection db = DriverManager.getConnection(url, user, "")) {
			db.createStatement()
				.execute("insert into applications (name, display_name, created_at, updated_at) "
						+ "values ('ceiling', 'Ceiling', now(), now()) on conflict do nothing");
			db.setAutoCommit(false);
			PreparedStatement deployment = db.prepareStatement("""
					insert into deployments (id, application, environment, version, artifact, commit_sha, pipeline_url,
					    endpoint, state, health, traffic_percent, recorded_by, recorded_at, revision)
					values (?, 'ceiling', 'production', ?, ?, ?, null, ?, 'RUNNING', 'UNKNOWN', 0, 'bench', ?, 0)""");
			PreparedStatement event = db.prepareStatement("""
					insert into audit_events (occurred_at, actor, actor_kind, action, subject_type, subject_id,
					    application, environment, before_state, after_state)
					values (?, 'bench', 'TOKEN', 'deployment.recorded', 'deployment', ?, 'ceiling', 'production', null, ?::jsonb)""");
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			long rows = 0;
			long started = System.nanoTime();
			while (System.nanoTime() < end) {
				UUID id = UUID.randomUUID();
				String version = "1.0." + rows;
				Timestamp now = Timestamp.from(Instant.now());
				deployment.setObject(1, id);
				deployment.setString(2, version);
				deployment.setString(3, "registry.example.com/ceiling@sha256:" + version);
				deployment.setString(4, "abc" + rows);
				deployment.setString(5, "ceiling-" + version);
				deployment.setTimestamp(6, now);
				deployment.executeUpdate();
				event.setTimestamp(1, now);
				event.setString(2, id.toString());
				event.setString(3, "{\"id\":\"" + id + "\",\"application\":\"ceiling\",\"environment\":\"production\","
						+ "\"version\":\"" + version + "\",\"state\":\"RUNNING\",\"trafficPercent\":0}");
				event.executeUpdate();
				db.commit();
				rows++;
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			System.out.printf("CEILING one JDBC client: %d deployments + audit events in %.1f s = %.0f inserts/s%n", rows,
					elapsed, rows / elapsed);
		}
	}

}
