package org.releasegate.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.releasegate.releases.ReleaseApproved;
import org.releasegate.releases.ReleaseCancelled;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseCompleted;
import org.releasegate.releases.ReleasePaused;
import org.releasegate.releases.ReleaseRejected;
import org.releasegate.releases.ReleaseRequested;
import org.releasegate.releases.ReleaseResumed;
import org.releasegate.releases.ReleaseRollbackStarted;
import org.releasegate.releases.ReleaseRolledBack;
import org.releasegate.releases.ReleaseStarted;
import org.releasegate.releases.ReleaseStatus;
import org.releasegate.traffic.DriftDetected;
import org.releasegate.traffic.LoadBalancerFailing;
import org.releasegate.traffic.TrafficControl.Sync;
import org.releasegate.traffic.TrafficOverview;
import org.releasegate.traffic.TrafficOverview.EnvironmentTraffic;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gauges of what stands in the database: releases by status and bindings in trouble. A
 * scrape reads them with one query each, at most once per {@code max-age}, sooner after a
 * release changed here.
 */
@Component
class StateGauges {

	/** More troubled bindings than this are counted as this many. */
	static final int TROUBLED_LIMIT = 1000;

	private final Snapshot<Map<ReleaseStatus, Long>> releases;

	private final Snapshot<Map<Sync, Long>> bindings;

	StateGauges(ReleaseCatalog catalog, TrafficOverview traffic, MeterRegistry meters, MetricsProperties properties,
			Clock clock) {
		this.releases = new Snapshot<>(catalog::countByStatus, properties.maxAge(), clock);
		this.bindings = new Snapshot<>(() -> troubled(traffic.troubled(TROUBLED_LIMIT)), properties.maxAge(), clock);
		for (ReleaseStatus status : ReleaseStatus.values()) {
			Gauge.builder("releasegate.releases", releases, s -> s.get().getOrDefault(status, 0L))
				.description("Releases in each status")
				.tag("status", status.name())
				.register(meters);
		}
		for (Sync state : List.of(Sync.DRIFTED, Sync.FAILING)) {
			Gauge.builder("releasegate.traffic.bindings.troubled", bindings, s -> s.get().getOrDefault(state, 0L))
				.description("Router bindings whose load balancer drifted from the desired split or fails")
				.tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
				.register(meters);
		}
	}

	// a release changed status here: the scrape after the commit counts again
	@EventListener({ ReleaseRequested.class, ReleaseApproved.class, ReleaseRejected.class, ReleaseCancelled.class,
			ReleaseStarted.class, ReleasePaused.class, ReleaseResumed.class, ReleaseCompleted.class,
			ReleaseRollbackStarted.class, ReleaseRolledBack.class })
	void releaseChanged() {
		afterCommit(releases);
	}

	// a load balancer started failing or drifted: the scrape after the commit reads again
	@EventListener({ LoadBalancerFailing.class, DriftDetected.class })
	void bindingTroubled() {
		afterCommit(bindings);
	}

	private static void afterCommit(Snapshot<?> snapshot) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					snapshot.expire();
				}
			});
		}
		else {
			snapshot.expire();
		}
	}

	private static Map<Sync, Long> troubled(List<EnvironmentTraffic> environments) {
		Map<Sync, Long> counts = new EnumMap<>(Sync.class);
		for (EnvironmentTraffic environment : environments) {
			// failing wins over drifted, as on the pages
			Sync sync = environment.binding().lastError() != null ? Sync.FAILING : Sync.DRIFTED;
			counts.merge(sync, 1L, Long::sum);
		}
		return counts;
	}

	/** A value read at most once per max age. */
	static final class Snapshot<T> {

		private final Supplier<T> read;

		private final Duration maxAge;

		private final Clock clock;

		private T value;

		private Instant readAt;

		Snapshot(Supplier<T> read, Duration maxAge, Clock clock) {
			this.read = read;
			this.maxAge = maxAge;
			this.clock = clock;
		}

		synchronized T get() {
			Instant now = clock.instant();
			if (value == null || readAt == null || readAt.plus(maxAge).isBefore(now)) {
				value = read.get();
				readAt = now;
			}
			return value;
		}

		synchronized void expire() {
			readAt = null;
		}

	}

}
