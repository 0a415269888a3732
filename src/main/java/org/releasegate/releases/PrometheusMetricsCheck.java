package org.releasegate.releases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.releasegate.releases.ChecklistItem.Status;
import org.springframework.stereotype.Component;

/**
 * Answers the normal-behaviour item from the Prometheus gate of the application: the
 * settler {@link #measure measures} in the background, outside any transaction; reads
 * show what it found, and say so when that reading is older than
 * {@code releasegate.releases.readings-fresh-for}.
 */
@Component
class PrometheusMetricsCheck implements MetricsCheck {

	private final GateStore gates;

	private final GateEvaluator evaluator;

	private final ChecklistReadings readings;

	private final ReleaseProperties properties;

	private final Clock clock;

	PrometheusMetricsCheck(GateStore gates, GateEvaluator evaluator, ChecklistReadings readings,
			ReleaseProperties properties, Clock clock) {
		this.gates = gates;
		this.evaluator = evaluator;
		this.readings = readings;
		this.properties = properties;
		this.clock = clock;
	}

	/** Asks Prometheus about the candidate and keeps the answer; calls out. */
	void measure(Release release) {
		gates.find(release.application(), release.environment()).filter(g -> g.prometheus() != null).ifPresent(g -> {
			GateVerdict verdict = evaluator.overTheNetwork(release,
					new HealthGates(null, g.prometheus(), false, g.failuresToRollBack()));
			readings.record(release.id(), ChecklistItem.NORMAL_BEHAVIOUR, clock.instant(), verdict.passed(),
					verdict.evidence());
		});
	}

	@Override
	public Optional<Measured> candidate(Release release) {
		return gates.find(release.application(), release.environment())
			.filter(g -> g.prometheus() != null)
			.map(g -> readings.latest(release.id(), ChecklistItem.NORMAL_BEHAVIOUR)
				.map(this::measured)
				.orElse(new Measured(Status.PENDING, "Prometheus has not been read for this release yet")));
	}

	private Measured measured(ChecklistReadings.Reading reading) {
		Duration age = Duration.between(reading.at(), clock.instant());
		if (age.compareTo(properties.readingsFreshFor()) > 0) {
			return new Measured(Status.PENDING, "Prometheus last read " + Ages.ago(age) + ": " + reading.evidence());
		}
		return new Measured(reading.passed() ? Status.PASSED : Status.FAILED, reading.evidence());
	}

	static final class Ages {

		private Ages() {
		}

		/** "40 s ago", "2 min ago", "3 h ago". */
		static String ago(Duration age) {
			long seconds = Math.max(0, age.toSeconds());
			if (seconds < 120) {
				return seconds + " s ago";
			}
			if (seconds < 7200) {
				return seconds / 60 + " min ago";
			}
			return seconds / 3600 + " h ago";
		}

	}

}
