package org.releasegate.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.releases.ReleaseApproved;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseCompleted;
import org.releasegate.releases.ReleaseRolledBack;
import org.releasegate.releases.ReleaseStatus;
import org.releasegate.releases.ReleaseStepReached;
import org.releasegate.traffic.TrafficOverview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MonitoringFilesTest {

	@Test
	void promtoolAcceptsTheAlertRules() throws Exception {
		Path promtool = Path.of("/usr/bin/promtool");
		if (!Files.isExecutable(promtool)) {
			assertThat(System.getenv("CI")).as("promtool (Debian package prometheus) must be installed in CI").isNull();
			Assumptions.abort("promtool is not installed (apt-get install prometheus); the alert rules are unchecked");
		}
		Process check = new ProcessBuilder(promtool.toString(), "check", "rules", MonitoringFiles.ALERTS.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(check.getInputStream().readAllBytes());
		assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(output).isZero();
		assertThat(output).contains("SUCCESS: 4 rules found");
	}

	@Test
	void theDashboardParsesAndUsesOnlyDocumentedMetrics() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(MonitoringFiles.DASHBOARD));
		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(8);
		Set<String> documented = documentedInReadme();
		assertThat(documented).contains("releasegate_releases", "releasegate_release_rollbacks_total",
				"releasegate_traffic_rollback_latency_seconds", "releasegate_audit_chain_valid");
		Set<String> used = new TreeSet<>(MonitoringFiles.metricsIn(MonitoringFiles.DASHBOARD));
		used.addAll(MonitoringFiles.metricsIn(MonitoringFiles.ALERTS));
		assertThat(used.stream().map(MonitoringFilesTest::withoutHistogramSuffix).collect(Collectors.toSet()))
			.isSubsetOf(documented);
		// and the dashboard shows every documented metric
		assertThat(MonitoringFiles.metricsIn(MonitoringFiles.DASHBOARD)
			.stream()
			.map(MonitoringFilesTest::withoutHistogramSuffix)
			.collect(Collectors.toSet())).containsAll(documented);
	}

	@Test
	void theMetricsModuleRegistersWhatTheDashboardReadsFromIt() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
		MutableClock clock = new MutableClock(t0);
		ReleaseCatalog catalog = mock(ReleaseCatalog.class);
		UUID release = UUID.randomUUID();
		when(catalog.requestedAt(release)).thenReturn(Optional.of(t0.minusSeconds(120)));
		when(catalog.countByStatus()).thenReturn(Map.of(ReleaseStatus.ROLLED_BACK, 3L));
		ReleaseMetrics metrics = new ReleaseMetrics(catalog, registry, clock);
		new StateGauges(catalog, mock(TrafficOverview.class), registry, new MetricsProperties(Duration.ofSeconds(15)),
				clock);

		metrics.on(new ReleaseApproved(release, "shop", "production", java.util.List.of("olivia"), false));
		metrics.on(new ReleaseStepReached(release, "shop", "production", 0, 10));
		clock.now = t0.plusSeconds(30);
		metrics.on(new ReleaseStepReached(release, "shop", "production", 1, 100));
		clock.now = t0.plusSeconds(35);
		metrics.on(new ReleaseCompleted(release, "shop", "production", UUID.randomUUID()));
		metrics.on(new ReleaseRolledBack(release, "shop", "production", UUID.randomUUID(), "errors", "erin"));

		Scrape scrape = new Scrape(registry.scrape());
		assertThat(scrape.value("releasegate_release_approval_wait_seconds_sum")).isEqualTo(120.0);
		assertThat(scrape.value("releasegate_release_step_duration_seconds_sum", "step", "0")).isEqualTo(30.0);
		assertThat(scrape.value("releasegate_release_step_duration_seconds_sum", "step", "1")).isEqualTo(5.0);
		assertThat(scrape.value("releasegate_release_rollbacks_total", "cause", "person")).isEqualTo(1.0);
		assertThat(scrape.value("releasegate_release_rollbacks_total", "cause", "gate")).isZero();
		assertThat(scrape.value("releasegate_releases", "status", "ROLLED_BACK")).isEqualTo(3.0);
		assertThat(scrape.value("releasegate_releases", "status", "ROLLING_BACK")).isZero();
		assertThat(scrape.has("releasegate_traffic_bindings_troubled", "state", "failing")).isTrue();
	}

	@Test
	void aRollbackIsByAPersonAGateOrAPolicy() {
		UUID id = UUID.randomUUID();
		assertThat(ReleaseMetrics.Cause.of(new ReleaseRolledBack(id, "a", "p", id, "checkout errors", "erin")))
			.isEqualTo(ReleaseMetrics.Cause.PERSON);
		assertThat(ReleaseMetrics.Cause
			.of(new ReleaseRolledBack(id, "a", "p", id, "health gate failed 3 times in a row", "system")))
			.isEqualTo(ReleaseMetrics.Cause.GATE);
		assertThat(ReleaseMetrics.Cause.of(new ReleaseRolledBack(id, "a", "p", id, "freeze began", "system")))
			.isEqualTo(ReleaseMetrics.Cause.POLICY);
	}

	private static String withoutHistogramSuffix(String series) {
		return series.replaceAll("_(bucket|count|sum|max)$", "");
	}

	/** The metric names listed in the README's "Metrics and alerts" section. */
	static Set<String> documentedInReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Metrics and alerts");
		assertThat(start).as("README section 'Metrics and alerts'").isNotNegative();
		int end = readme.indexOf("\n## ", start + 5);
		String section = readme.substring(start, end < 0 ? readme.length() : end);
		Set<String> names = new TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(releasegate_[a-z_]+)").matcher(section);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
