package org.releasegate.releases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.traffic.Split;
import org.releasegate.traffic.TrafficControl;
import org.releasegate.traffic.TrafficControl.SplitChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ReleaseProgressTest {

	static final Instant STARTED = Instant.parse("2026-11-29T10:00:00Z");

	static final UUID STABLE = UUID.randomUUID();

	static final UUID CANDIDATE = UUID.randomUUID();

	static final UUID OTHER = UUID.randomUUID();

	final TrafficControl traffic = mock(TrafficControl.class);

	final GateStore gates = mock(GateStore.class);

	Instant now = STARTED.plusSeconds(400);

	@BeforeEach
	void twoStepsTaken() {
		given(gates.effective("checkout", "production")).willReturn(HealthGates.DEFAULT);
		given(traffic.desiredSplit("checkout", "production")).willReturn(Optional.of(split(75, 25)));
		given(traffic.splitHistory(eq("checkout"), eq("production"), eq(STARTED), any()))
			.willReturn(List.of(new SplitChange(STARTED.minusSeconds(3600), split(100, 0), "maria", "adopted"),
					new SplitChange(STARTED, split(95, 5), "erin", "started"),
					new SplitChange(STARTED.plusSeconds(300), split(75, 25), "system", "step 1")));
	}

	@Test
	void saysWhenThePauseEndsAndDrawsTheSplitsUntilNow() {
		ReleaseProgress.Progress progress = progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of()));
		assertThat(progress.step()).isEqualTo(2);
		assertThat(progress.steps()).isEqualTo(3);
		assertThat(progress.weight()).isEqualTo(25);
		assertThat(progress.waitsFor())
			.isEqualTo("the pause: step 3 (100%) at 10:15:00 UTC, in 9 min, if the health gate holds");
		assertThat(progress.guardedBy()).startsWith("Guarded by the candidate's reported health");
		assertThat(progress.nextAt()).isEqualTo(STARTED.plusSeconds(900));
		assertThat(progress.split().description()).isEqualTo("2.4.0 75%, 2.5.0 25%");
		assertThat(progress.stablePercent()).isEqualTo(75);
		assertThat(progress.candidatePercent()).isEqualTo(25);

		ReleaseProgress.Timeline timeline = progress.timeline();
		assertThat(timeline.points()).extracting(ReleaseProgress.Point::beforeStart)
			.containsExactly(true, false, false);
		assertThat(timeline.from()).as("a little before the start").isEqualTo(STARTED.minusSeconds(20));
		assertThat(timeline.to()).isEqualTo(now);
		long from = STARTED.getEpochSecond() - 20;
		long start = STARTED.getEpochSecond();
		assertThat(timeline.json()).isEqualTo("{\"t\":[" + from + ".000," + start + ".000," + (start + 300) + ".000,"
				+ (start + 400) + ".000],\"stable\":[100,95,75,75],\"candidate\":[0,5,25,25]}");
	}

	@Test
	void saysWhatElseTheNextStepWaitsFor() {
		now = STARTED.plusSeconds(1000);
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of())).waitsFor())
			.isEqualTo("nothing: step 3 (100%) is due now");
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, true, List.of())).waitsFor())
			.isEqualTo("a product owner of checkout to promote it to step 3 (100%)");
		assertThat(progress(release(ReleaseStatus.PAUSED, 1, false, List.of())).waitsFor())
			.startsWith("someone to resume it");

		given(gates.effective("checkout", "production"))
			.willReturn(new HealthGates(new HealthGates.Probe("http://candidate/health", 200, null), null, true, 3));
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of())).waitsFor())
			.isEqualTo("a passing health-gate evaluation during this step, then step 3 (100%)");
		GateResults.GateResult passedEarlier = new GateResults.GateResult(0, STARTED.plusSeconds(200), true, "ok");
		GateResults.GateResult passedNow = new GateResults.GateResult(1, STARTED.plusSeconds(310), true, "ok");
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of(passedEarlier))).waitsFor())
			.as("a pass during an earlier step does not count")
			.startsWith("a passing health-gate evaluation");
		ReleaseProgress.Progress gated = progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of(passedNow)));
		assertThat(gated.waitsFor()).isEqualTo("nothing: step 3 (100%) is due now");
		assertThat(gated.failuresToRollBack()).isEqualTo(3);

		now = STARTED.plusSeconds(400);
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of())).waitsFor())
			.isEqualTo("the pause: step 3 (100%) at 10:15:00 UTC, in 9 min, if the health gate holds");
	}

	@Test
	void aGradualRollbackSaysWhenItStepsBackAndWhereTo() {
		now = STARTED.plusSeconds(310);
		ReleaseProgress.Progress progress = progress(rollingBack(1));
		assertThat(progress.waitsFor()).isEqualTo(
				"the next step back (gradual rollback): 5% to 2.5.0 at 10:05:30 UTC, in 20 s; an instant rollback ends it at once");
		assertThat(progress.nextAt()).isEqualTo(STARTED.plusSeconds(330));

		now = STARTED.plusSeconds(340);
		progress = progress(rollingBack(0));
		assertThat(progress.waitsFor()).isEqualTo(
				"the next step back (gradual rollback): 0% to 2.5.0, which ends the rollback now; an instant rollback ends it at once");
		assertThat(progress.nextAt()).as("due already").isNull();
	}

	@Test
	void aSplitBySomeoneElseShowsAsOther() {
		Map<UUID, Integer> shares = new LinkedHashMap<>();
		shares.put(STABLE, 50);
		shares.put(CANDIDATE, 30);
		shares.put(OTHER, 20);
		given(traffic.desiredSplit("checkout", "production")).willReturn(Optional.of(new Split(shares)));
		assertThat(progress(release(ReleaseStatus.IN_PROGRESS, 1, false, List.of())).split().description())
			.isEqualTo("2.4.0 50%, 2.5.0 30%, other 20%");
	}

	@Test
	void nothingBeforeTheStartAndAFinishedReleaseEndsItsTimelineSoonAfter() {
		ReleaseView requested = ReleasePageTest.release(ReleaseStatus.REQUESTED);
		assertThat(new ReleaseProgress(traffic, gates, Clock.fixed(now, ZoneOffset.UTC)).of(requested)).isNull();

		now = STARTED.plusSeconds(7200);
		ReleaseProgress.Progress done = progress(release(ReleaseStatus.ROLLED_BACK, 1, false, List.of()));
		assertThat(done.waitsFor()).isNull();
		assertThat(done.nextAt()).isNull();
		assertThat(done.timeline().to()).isEqualTo(STARTED.plusSeconds(605));
	}

	@Test
	void durationsReadAsPeopleSayThem() {
		assertThat(ReleaseProgress.human(java.time.Duration.ofMillis(1500))).isEqualTo("2 s");
		assertThat(ReleaseProgress.human(java.time.Duration.ofSeconds(61))).isEqualTo("2 min");
		assertThat(ReleaseProgress.human(java.time.Duration.ofMinutes(120))).isEqualTo("2 h");
		assertThat(ReleaseProgress.human(java.time.Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
	}

	private ReleaseProgress.Progress progress(ReleaseView release) {
		return new ReleaseProgress(traffic, gates, Clock.fixed(now, ZoneOffset.UTC)).of(release);
	}

	private static Split split(int stable, int candidate) {
		Map<UUID, Integer> shares = new LinkedHashMap<>();
		shares.put(STABLE, stable);
		shares.put(CANDIDATE, candidate);
		return new Split(shares);
	}

	/**
	 * The canary below, walking back with a step pause of 30 s, at the given step since
	 * STARTED + 5 min.
	 */
	private static ReleaseView rollingBack(int step) {
		ReleaseView release = release(ReleaseStatus.ROLLING_BACK, step, false, List.of());
		ReleaseView.StrategyView gradual = new ReleaseView.StrategyView(Strategy.Type.CANARY,
				release.strategy().steps(), new ReleaseView.RollbackView(Strategy.Rollback.Mode.GRADUAL, "PT30S"));
		return new ReleaseView(release.id(), "checkout", "production", ReleaseStatus.ROLLING_BACK, "2.4.0", STABLE,
				"2.5.0", CANDIDATE, gradual, step, STARTED.plusSeconds(300), null, "erin", null, null, "erin", STARTED,
				STARTED, 1, List.of(), List.of(), List.of(), true, null, null, null, false, STARTED, null, 0, List.of(),
				3);
	}

	/**
	 * A canary 5% (5 min), 25% (10 min), 100%, started at {@link #STARTED}, at step 1
	 * since 5 minutes later; a rolled back one finished 10 minutes after the start.
	 */
	private static ReleaseView release(ReleaseStatus status, int step, boolean lastNeedsConfirmation,
			List<GateResults.GateResult> gateResults) {
		ReleaseView.StrategyView canary = new ReleaseView.StrategyView(Strategy.Type.CANARY,
				List.of(new ReleaseView.StepView(5, "PT5M", false), new ReleaseView.StepView(25, "PT10M", false),
						new ReleaseView.StepView(100, "PT0S", lastNeedsConfirmation)));
		boolean finished = status == ReleaseStatus.ROLLED_BACK;
		return new ReleaseView(UUID.randomUUID(), "checkout", "production", status, "2.4.0", STABLE, "2.5.0", CANDIDATE,
				canary, step, STARTED.plusSeconds(300), null, "erin", null, null, "erin", STARTED, STARTED, 1,
				List.of(), List.of(), List.of(), true, null, null, null, false, STARTED,
				finished ? STARTED.plusSeconds(600) : null, 0, gateResults, 3);
	}

}
