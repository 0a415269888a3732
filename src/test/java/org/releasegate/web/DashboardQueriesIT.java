package org.releasegate.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.StatementCounter;
import org.releasegate.StatementCounter.Counted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard costs a fixed number of queries whatever the number of applications: 200
 * applications, two environments each, a router binding on every production.
 */
@FullStackTest
@Import(StatementCounter.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesIT {

	/** What one dashboard page may cost, measured as statements sent to PostgreSQL. */
	static final int MOST_STATEMENTS = 10;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Dashboard dashboard;

	final String prefix = Api.unique("many");

	@BeforeAll
	void manyApplications() {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < 200; i++) {
			String app = prefix + "-" + String.format("%03d", i);
			jdbc.sql("insert into applications (name, display_name, created_at, updated_at) values (?, ?, ?, ?)")
				.params(app, "App " + i, now, now)
				.update();
			jdbc.sql("insert into application_owners (application, username) values (?, 'paula')").param(app).update();
			UUID stable = deployment(app, "production", "1.0.0", 90, now);
			UUID candidate = deployment(app, "production", "1.1.0", 10, now);
			deployment(app, "staging", "1.1.0", 100, now);
			jdbc.sql("""
					insert into router_bindings (application, environment, adapter, settings, drift_policy, desired,
					                             observed_at, in_sync, created_at, updated_at)
					values (?, 'production', 'pull', cast(? as jsonb), 'CORRECT', cast(? as jsonb), ?, true, ?, ?)
					""")
				.params(app, "{\"key\": \"" + app + "\"}", "{\"" + stable + "\": 90, \"" + candidate + "\": 10}", now,
						now, now)
				.update();
			jdbc.sql("""
					insert into traffic_splits (application, environment, split, holder, actor, changed_at)
					values (?, 'production', cast(? as jsonb), ?, 'test', ?)
					""").params(app, "{\"" + stable + "\": 100}", stable, now).update();
		}
	}

	private UUID deployment(String app, String environment, String version, int percent, Timestamp now) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into deployments (id, application, environment, version, endpoint, state, health,
				                         traffic_percent, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, 'RUNNING', 'HEALTHY', ?, 'test', ?)
				""").params(id, app, environment, version, app + "/" + version, percent, now).update();
		return id;
	}

	@Test
	void aPageOfApplicationsCostsAsFewStatementsAsOne() throws Exception {
		Counted<Dashboard.Page> many = StatementCounter.count(() -> dashboard.page(prefix, null, "paula"));
		Counted<Dashboard.Page> one = StatementCounter.count(() -> dashboard.page(prefix + "-007", null, "paula"));

		System.out.printf("dashboard page of %d applications: %d statements; of one: %d%n",
				many.result().applications().size(), many.statements(), one.statements());
		assertThat(many.result().applications()).hasSize(Dashboard.PAGE_SIZE);
		assertThat(many.result().next()).isEqualTo(prefix + "-029");
		assertThat(one.result().applications()).hasSize(1);
		assertThat(many.statements()).isPositive().isLessThanOrEqualTo(MOST_STATEMENTS).isEqualTo(one.statements());

		Dashboard.ApplicationStatus first = many.result().applications().get(0);
		assertThat(first.owners()).containsExactly("paula");
		assertThat(first.environments()).extracting(Dashboard.EnvironmentStatus::name)
			.containsExactly("production", "staging");
		Dashboard.EnvironmentStatus production = first.environments().get(0);
		assertThat(production.split().description()).as("the stable deployment comes first")
			.isEqualTo("1.0.0 90%, 1.1.0 10%");
		assertThat(production.binding()).isNotNull();
		assertThat(first.environments().get(1).binding()).isNull();
	}

	@Test
	void theNextPageStartsAfterTheLastNameAndTheLastPageHasNoNext() throws Exception {
		Counted<Dashboard.Page> last = StatementCounter.count(() -> dashboard.page(prefix, prefix + "-179", "paula"));
		assertThat(last.result().applications()).hasSize(20);
		assertThat(last.result().applications().get(0).name()).isEqualTo(prefix + "-180");
		assertThat(last.result().next()).isNull();
		assertThat(last.statements()).isLessThanOrEqualTo(MOST_STATEMENTS);
	}

}
