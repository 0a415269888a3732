package org.releasegate.releases;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Approves REQUESTED releases that became ready while nobody looked (a soak passed, a
 * policy's quiet period ended). Safe on several instances: each release is settled under
 * its row lock, and one that is already APPROVED stays as it is.
 */
@Component
class ReleaseSettler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReleaseSettler.class);

	private final ReleaseService releases;

	private final Releases stored;

	private final PrometheusMetricsCheck metrics;

	private final ReleaseProperties properties;

	ReleaseSettler(ReleaseService releases, Releases stored, PrometheusMetricsCheck metrics,
			ReleaseProperties properties) {
		this.releases = releases;
		this.stored = stored;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::settleRequested, properties.settleEvery());
	}

	void settleRequested() {
		// outside any transaction: Prometheus is asked with no row locked, and the
		// reading kept for the checklist that reads and writes show
		for (UUID id : stored.findNotStarted()) {
			try {
				stored.findById(id).ifPresent(metrics::measure);
			}
			catch (RuntimeException ex) {
				log.warn("Could not read the metrics of release {}: {}", id, ex.getMessage());
			}
		}
		for (UUID id : releases.requested()) {
			try {
				if (releases.get(id).readyToApprove()) {
					releases.settle(id);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not settle release {}: {}", id, ex.getMessage());
			}
		}
	}

}
