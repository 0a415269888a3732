package org.releasegate.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.releasegate.releases.ReleaseApproved;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseCompleted;
import org.releasegate.releases.ReleaseRollbackStarted;
import org.releasegate.releases.ReleaseRolledBack;
import org.releasegate.releases.ReleaseStepReached;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Turns release events into timers and counters as they are published (plain listeners:
 * metrics need no outbox, and a change whose transaction fails rarely gets this far).
 * Step times are measured on the instance that ran the step (the one publishing its
 * events); after a restart the step then running is not measured.
 */
@Component
class ReleaseMetrics {

	private static final Logger log = LoggerFactory.getLogger(ReleaseMetrics.class);

	static final String SYSTEM = "system";

	private final ReleaseCatalog catalog;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Timer approvalWait;

	// release -> the step it is at and since when
	private final Map<UUID, StepStart> steps = new ConcurrentHashMap<>();

	ReleaseMetrics(ReleaseCatalog catalog, MeterRegistry meters, Clock clock) {
		this.catalog = catalog;
		this.meters = meters;
		this.clock = clock;
		this.approvalWait = Timer.builder("releasegate.release.approval.wait")
			.description("From a release's request to its approval")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofDays(7))
			.register(meters);
		for (Cause cause : Cause.values()) {
			rollbacks(cause);
		}
	}

	// runs in the approving transaction: a failed lookup costs the sample, not the
	// approval
	@EventListener
	void on(ReleaseApproved approved) {
		try {
			catalog.requestedAt(approved.release())
				.ifPresent(requested -> approvalWait.record(Duration.between(requested, clock.instant())));
		}
		catch (RuntimeException ex) {
			log.warn("Time waiting for approval of release {} not recorded: {}", approved.release(), ex.toString());
		}
	}

	@EventListener
	void on(ReleaseStepReached reached) {
		Instant now = clock.instant();
		StepStart left = steps.put(reached.release(), new StepStart(reached.step(), now));
		if (left != null) {
			left.recordUntil(now);
		}
	}

	@EventListener
	void on(ReleaseCompleted completed) {
		leaveStep(completed.release());
	}

	@EventListener
	void on(ReleaseRollbackStarted started) {
		leaveStep(started.release());
	}

	@EventListener
	void on(ReleaseRolledBack rolledBack) {
		leaveStep(rolledBack.release());
		rollbacks(Cause.of(rolledBack)).increment();
	}

	private void leaveStep(UUID release) {
		StepStart left = steps.remove(release);
		if (left != null) {
			left.recordUntil(clock.instant());
		}
	}

	private Counter rollbacks(Cause cause) {
		return Counter.builder("releasegate.release.rollbacks")
			.description("Releases rolled back, by what decided it: a person, a failing health gate, or a policy")
			.tag("cause", cause.tag())
			.register(meters);
	}

	/** What decided a rollback, read from who the event names and why. */
	enum Cause {

		PERSON, GATE, POLICY;

		static Cause of(ReleaseRolledBack event) {
			if (!SYSTEM.equals(event.rolledBackBy())) {
				return PERSON;
			}
			// the conductor rolls back as "system" when the health gate failed too often
			String reason = event.reason() == null ? "" : event.reason();
			return reason.startsWith("health gate failed") ? GATE : POLICY;
		}

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final class StepStart {

		private final int step;

		private final Instant since;

		StepStart(int step, Instant since) {
			this.step = step;
			this.since = since;
		}

		void recordUntil(Instant end) {
			Timer.builder("releasegate.release.step.duration")
				.description("How long a release stayed at a canary step, by step (counted from 0)")
				.tag("step", Integer.toString(step))
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(100))
				.maximumExpectedValue(Duration.ofDays(1))
				.register(meters)
				.record(Duration.between(since, end));
		}

	}

}
