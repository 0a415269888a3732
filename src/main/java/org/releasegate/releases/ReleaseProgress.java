package org.releasegate.releases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.releasegate.traffic.Split;
import org.releasegate.traffic.TrafficControl;
import org.releasegate.traffic.TrafficControl.BindingState;
import org.releasegate.traffic.TrafficControl.SplitChange;
import org.springframework.stereotype.Component;

/**
 * What the release page shows of a release that has started: its step and what the next
 * one waits for, the split users get now, the load balancer's state, and the split over
 * the release's life. Read from the traffic module's records, never from the load
 * balancer itself, so rendering the page every few seconds costs two queries.
 */
@Component
class ReleaseProgress {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** How long after a release finished its traffic changes still count as its own. */
	private static final Duration SETTLING = Duration.ofSeconds(5);

	private final TrafficControl traffic;

	private final GateStore gates;

	private final Clock clock;

	ReleaseProgress(TrafficControl traffic, GateStore gates, Clock clock) {
		this.traffic = traffic;
		this.gates = gates;
		this.clock = clock;
	}

	/** The progress of a release, or null while it has not started. */
	Progress of(ReleaseView release) {
		if (release.startedAt() == null) {
			return null;
		}
		Instant now = clock.instant();
		String app = release.application();
		String env = release.environment();
		HealthGates inForce = gates.effective(app, env);
		HealthGates configured = inForce.any() ? inForce : null;
		Split desired = traffic.desiredSplit(app, env).orElse(null);
		int stable = desired == null || release.stableDeploymentId() == null ? 0
				: desired.percentOf(release.stableDeploymentId());
		int candidate = desired == null ? 0 : desired.percentOf(release.candidateDeploymentId());
		Instant until = release.finishedAt() == null ? now : min(now, release.finishedAt().plus(SETTLING));
		Timeline timeline = timeline(release, traffic.splitHistory(app, env, release.startedAt(), until),
				release.finishedAt() == null ? now : until);
		List<ReleaseView.StepView> plan = plan(release);
		int step = release.currentStep() == null ? 0 : release.currentStep();
		return new Progress(step + 1, plan.size(), plan.get(step).weight(), release.stepStartedAt(),
				waitsFor(release, plan, configured, now), nextAt(release, plan, now), stable, candidate,
				bar(release, desired, stable, candidate), traffic.bindingState(app, env).orElse(null), timeline,
				configured == null ? 0 : configured.failuresToRollBack(), inForce.describe());
	}

	/**
	 * The steps traffic goes through: an all-at-once release has the single step 100%.
	 */
	private static List<ReleaseView.StepView> plan(ReleaseView release) {
		List<ReleaseView.StepView> steps = release.strategy().steps();
		return steps.isEmpty() ? List.of(new ReleaseView.StepView(100, "PT0S", false)) : steps;
	}

	/** When the current step's pause ends, while that still lies ahead. */
	private static Instant nextAt(ReleaseView release, List<ReleaseView.StepView> plan, Instant now) {
		if (release.status() == ReleaseStatus.ROLLING_BACK) {
			Instant due = nextStepBack(release);
			return due != null && due.isAfter(now) ? due : null;
		}
		if (release.status() != ReleaseStatus.IN_PROGRESS || release.currentStep() == null
				|| release.currentStep() + 1 >= plan.size()) {
			return null;
		}
		Instant due = release.stepStartedAt().plus(Duration.parse(plan.get(release.currentStep()).pause()));
		return due.isAfter(now) ? due : null;
	}

	/** In words, what has to happen before traffic moves on (null once it cannot). */
	private static String waitsFor(ReleaseView release, List<ReleaseView.StepView> plan, HealthGates gates,
			Instant now) {
		if (release.status() == ReleaseStatus.PAUSED) {
			return "someone to resume it; the step's pause then counts again from the resume";
		}
		if (release.status() == ReleaseStatus.ROLLING_BACK) {
			return stepBackWaitsFor(release, plan, now);
		}
		if (release.status() != ReleaseStatus.IN_PROGRESS || release.currentStep() == null) {
			return null;
		}
		int current = release.currentStep();
		if (current + 1 >= plan.size()) {
			return "nothing: the last step completes the release";
		}
		ReleaseView.StepView next = plan.get(current + 1);
		String target = "step " + (current + 2) + " (" + next.weight() + "%)";
		if (next.requiresConfirmation()) {
			return "a product owner of " + release.application() + " to promote it to " + target;
		}
		Instant due = release.stepStartedAt().plus(Duration.parse(plan.get(current).pause()));
		String gate = gates == null ? "" : ", if the health gate holds";
		if (due.isAfter(now)) {
			return "the pause: " + target + " at " + TIME.format(due) + ", in " + human(Duration.between(now, due))
					+ gate;
		}
		if (gates != null && release.gateFailures() > 0) {
			return "the health gate to pass again (its latest evaluation failed), then " + target;
		}
		if (gates != null && gates.watchesTheNetwork() && !gateHeld(release)) {
			return "a passing health-gate evaluation during this step, then " + target;
		}
		return "nothing: " + target + " is due now";
	}

	/**
	 * A gradual rollback walks the plan's steps back one step pause apart; from the first
	 * step the candidate's share goes to none.
	 */
	private static String stepBackWaitsFor(ReleaseView release, List<ReleaseView.StepView> plan, Instant now) {
		Instant due = nextStepBack(release);
		if (due == null || release.currentStep() == null) {
			return null;
		}
		int current = release.currentStep();
		String target = current > 0 ? plan.get(current - 1).weight() + "% to " + release.candidateVersion()
				: "0% to " + release.candidateVersion() + ", which ends the rollback";
		String when = due.isAfter(now) ? " at " + TIME.format(due) + ", in " + human(Duration.between(now, due))
				: " now";
		return "the next step back (gradual rollback): " + target + when + "; an instant rollback ends it at once";
	}

	private static Instant nextStepBack(ReleaseView release) {
		String pause = release.strategy().rollback() == null ? null : release.strategy().rollback().stepPause();
		return pause == null || release.stepStartedAt() == null ? null
				: release.stepStartedAt().plus(Duration.parse(pause));
	}

	/** At least one evaluation during this step passed, and none failed since. */
	private static boolean gateHeld(ReleaseView release) {
		return release.gateFailures() == 0 && release.gateResults()
			.stream()
			.anyMatch(result -> result.passed() && result.step() == release.currentStep()
					&& !result.evaluatedAt().isBefore(release.stepStartedAt()));
	}

	private static Bar bar(ReleaseView release, Split desired, int stable, int candidate) {
		List<Segment> segments = new ArrayList<>();
		if (stable > 0) {
			segments.add(new Segment(release.stableVersion(), stable, "stable"));
		}
		if (candidate > 0) {
			segments.add(new Segment(release.candidateVersion(), candidate, "candidate"));
		}
		int others = desired == null ? 0 : 100 - stable - candidate;
		if (others > 0) {
			segments.add(new Segment("other", others, "other"));
		}
		return new Bar(List.copyOf(segments));
	}

	/**
	 * The splits over the release's life: the one in force when it started, then each
	 * change, held until {@code end}.
	 */
	private static Timeline timeline(ReleaseView release, List<SplitChange> history, Instant end) {
		Instant start = release.startedAt();
		Duration pad = max(Duration.ofSeconds(5), Duration.between(start, end).dividedBy(20));
		Instant from = start.minus(pad);
		List<Point> points = new ArrayList<>();
		for (SplitChange change : history) {
			points.add(new Point(change.at(), percentOf(change.split(), release.stableDeploymentId()),
					percentOf(change.split(), release.candidateDeploymentId()), change.actor(), change.reason(),
					change.at().isBefore(start)));
		}
		Instant to = points.isEmpty() ? end : max(end, points.get(points.size() - 1).at());
		return new Timeline(from, to, List.copyOf(points));
	}

	private static int percentOf(Split split, UUID deployment) {
		return deployment == null ? 0 : split.percentOf(deployment);
	}

	static String human(Duration duration) {
		long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = (seconds + 59) / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	/**
	 * A started release as the page shows it.
	 *
	 * @param step the current step, counted from 1
	 * @param weight the candidate's percent at that step
	 * @param waitsFor what the next step waits for, in words; null once nothing does
	 * @param nextAt when the current pause ends, if that lies ahead
	 * @param stablePercent the stable deployment's share of the desired split now
	 * @param candidatePercent the candidate's share of the desired split now
	 * @param binding the load balancer's state; null without a router binding
	 * @param failuresToRollBack failing gate evaluations in a row that roll back; 0
	 * without gates
	 */
	record Progress(int step, int steps, int weight, Instant stepStartedAt, String waitsFor, Instant nextAt,
			int stablePercent, int candidatePercent, Bar split, BindingState binding, Timeline timeline,
			int failuresToRollBack, String guardedBy) {

	}

	/** A split as the split-bar fragment draws it (stable, candidate, other). */
	record Bar(List<Segment> segments) {

		public boolean isEmpty() {
			return segments.isEmpty();
		}

		/** Read out by screen readers instead of the bar. */
		public String description() {
			return segments.isEmpty() ? "no traffic yet"
					: String.join(", ", segments.stream().map(s -> s.label() + " " + s.percent() + "%").toList());
		}

	}

	record Segment(String label, int percent, String tone) {
	}

	/** The splits from {@code from} to {@code to}; points before the start are marked. */
	record Timeline(Instant from, Instant to, List<Point> points) {

		/**
		 * For the chart: times in epoch seconds and both shares as step lines that hold
		 * each split until the next, from {@code from} to {@code to}.
		 */
		public String json() {
			StringBuilder t = new StringBuilder();
			StringBuilder stable = new StringBuilder();
			StringBuilder candidate = new StringBuilder();
			List<Point> drawn = new ArrayList<>();
			for (Point point : points) {
				Instant at = point.at().isBefore(from) ? from : point.at();
				drawn.add(new Point(at, point.stable(), point.candidate(), null, null, false));
			}
			if (!drawn.isEmpty() && drawn.get(drawn.size() - 1).at().isBefore(to)) {
				Point last = drawn.get(drawn.size() - 1);
				drawn.add(new Point(to, last.stable(), last.candidate(), null, null, false));
			}
			for (Point point : drawn) {
				String separator = t.isEmpty() ? "" : ",";
				t.append(separator).append(String.format(Locale.ROOT, "%.3f", point.at().toEpochMilli() / 1000.0));
				stable.append(separator).append(point.stable());
				candidate.append(separator).append(point.candidate());
			}
			return "{\"t\":[" + t + "],\"stable\":[" + stable + "],\"candidate\":[" + candidate + "]}";
		}

	}

	/** A split decided at a time: the stable's and candidate's shares, by whom, why. */
	record Point(Instant at, int stable, int candidate, String actor, String reason, boolean beforeStart) {
	}

}
