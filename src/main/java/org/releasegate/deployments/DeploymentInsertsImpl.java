package org.releasegate.deployments;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One round trip instead of JPA's find, application lookup and insert: the row is taken
 * from the application's own row (none when it does not exist), and a version recorded
 * before, or by a concurrent request, leaves it out. A concurrent insert of the same
 * version waits for the other transaction and then inserts nothing, so exactly one
 * request creates it.
 */
class DeploymentInsertsImpl implements DeploymentInserts {

	private final JdbcClient jdbc;

	DeploymentInsertsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean insertIfAbsent(Deployment deployment) {
		return jdbc.sql("""
				insert into deployments (id, application, environment, version, artifact, commit_sha, pipeline_url,
				                         endpoint, state, health, traffic_percent, recorded_by, recorded_at, revision)
				select cast(? as uuid), name, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamptz), 0
				from applications where name = ?
				on conflict (application, environment, version) do nothing
				""")
			.params(deployment.id(), deployment.environment(), deployment.version(), deployment.artifact(),
					deployment.commit(), deployment.pipelineUrl(), deployment.endpoint(), deployment.state().name(),
					deployment.health().name(), deployment.trafficPercent(), deployment.recordedBy(),
					Timestamp.from(deployment.recordedAt()), deployment.application())
			.update() == 1;
	}

}
