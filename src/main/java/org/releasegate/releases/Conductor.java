package org.releasegate.releases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts scheduled releases, steps canaries forward and gradual rollbacks back. Each
 * release is handled in its own short transaction under its row lock
 * ({@code FOR UPDATE SKIP LOCKED}), and what is due is decided inside the lock from the
 * stored step and its start time: with several instances each step is applied once, and
 * after a restart the release goes on from where it stood.
 */
@Component
class Conductor implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Conductor.class);

	private final Releases releases;

	private final ReleaseExecution execution;

	private final ReleaseRollbacks rollbacks;

	private final GateStore gates;

	private final GateEvaluator evaluator;

	private final ReleaseProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Conductor(Releases releases, ReleaseExecution execution, ReleaseRollbacks rollbacks, GateStore gates,
			GateEvaluator evaluator, ReleaseProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.releases = releases;
		this.execution = execution;
		this.rollbacks = rollbacks;
		this.gates = gates;
		this.evaluator = evaluator;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::conduct, properties.conductEvery());
	}

	void conduct() {
		for (UUID id : releases.findInFlight(clock.instant())) {
			try {
				conduct(id);
			}
			catch (RuntimeException ex) {
				log.warn("Could not conduct release {}: {}", id, ex.getMessage());
			}
		}
	}

	void conduct(UUID id) {
		// probe and Prometheus wait on the network: they are evaluated before the row is
		// locked; the candidate's reported health is a database read, taken under the
		// lock
		Optional<Release> seen = transaction.execute(status -> releases.findById(id));
		if (seen.isEmpty()) {
			return;
		}
		HealthGates configured = gates.effective(seen.get().application(), seen.get().environment());
		GateVerdict network = gated(seen.get()) && gateDue(seen.get())
				? evaluator.overTheNetwork(seen.get(), configured) : null;
		transaction.executeWithoutResult(status -> {
			Optional<Release> locked = releases.lockIfFree(id);
			if (locked.isEmpty()) {
				// another instance works on it right now
				return;
			}
			Release release = locked.get();
			boolean sameStep = release.status() == seen.get().status()
					&& java.util.Objects.equals(release.currentStep(), seen.get().currentStep());
			if (network != null && sameStep && configured.any() && gated(release) && gateDue(release)) {
				boolean holds = execution.countGate(release,
						evaluator.withReportedHealth(network, release, configured));
				// a failing gate holds a canary where it is; it never holds up a step
				// back
				if (!holds && release.status() == ReleaseStatus.IN_PROGRESS) {
					return;
				}
			}
			switch (Stepping.due(release, clock.instant())) {
				case START -> {
					// a release that may not start yet is looked at again on the next
					// pass
					String outcome = execution.startScheduled(release);
					log.atLevel(outcome.equals("started") ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
						.log("Release {} at its scheduled start: {}", id, outcome);
				}
				case ADVANCE -> {
					if (gateHolds(release, configured)) {
						execution.advanceOnSchedule(release);
					}
				}
				case STEP_BACK -> rollbacks.stepBackOnSchedule(release);
				default -> {
				}
			}
		});
	}

	/**
	 * Gates watch a candidate that takes traffic on its own account: while a release
	 * runs, and while a gradual rollback still gives it a share (a failing one then loses
	 * it at once).
	 */
	private static boolean gated(Release release) {
		return release.status() == ReleaseStatus.IN_PROGRESS || release.status() == ReleaseStatus.ROLLING_BACK;
	}

	private boolean gateDue(Release release) {
		Instant last = release.lastGateAt();
		return last == null || !clock.instant().isBefore(last.plus(properties.gateEvery()));
	}

	/**
	 * A step never advances while the latest gate evaluation failed or the candidate's
	 * recorded health fails; gates that call out must also have passed once during this
	 * step.
	 */
	private boolean gateHolds(Release release, HealthGates configured) {
		if (release.gateFailures() > 0) {
			return false;
		}
		if (configured.reportedHealth() && !evaluator.reportedHealthHolds(release)) {
			return false;
		}
		if (!configured.watchesTheNetwork()) {
			return true;
		}
		return release.lastGateAt() != null && !release.lastGateAt().isBefore(release.stepStartedAt());
	}

}
