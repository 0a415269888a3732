package org.releasegate.releases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteppingTest {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

	static final Strategy CANARY = new Strategy(Strategy.Type.CANARY,
			List.of(new Strategy.Step(10, Duration.ofMinutes(5), false),
					new Strategy.Step(50, Duration.ofMinutes(10), true), new Strategy.Step(100, Duration.ZERO, false)));

	Release approved(Strategy strategy, Instant scheduledStart) {
		Release release = Release.request(new NewRelease("checkout", "production", UUID.randomUUID(), "1.5.0",
				UUID.randomUUID(), "1.4.0", strategy, scheduledStart, "pager: alice", null, null, "erin"),
				clock.instant());
		release.approve("paula", "ok", clock.instant());
		assertThat(release.approveIfReady(true, 1, null, clock.instant())).isTrue();
		return release;
	}

	@Test
	void anApprovedReleaseStartsAtItsScheduledTimeAndNotBefore() {
		Release release = approved(CANARY, T0.plusSeconds(60));
		assertThat(Stepping.due(release, T0)).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, T0.plusSeconds(59))).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, T0.plusSeconds(60))).isEqualTo(Stepping.Move.START);
		assertThat(Stepping.due(approved(CANARY, null), T0.plusSeconds(3600))).as("unscheduled: started by a person")
			.isEqualTo(Stepping.Move.NONE);
	}

	@Test
	void theNextStepIsDueWhenThePauseOfTheStoredStepHasPassed() {
		Release release = approved(CANARY, null);
		release.start(T0);
		assertThat(release.splitAt(0)).containsEntry(release.stableDeploymentId(), 90)
			.containsEntry(release.candidateDeploymentId(), 10);
		assertThat(Stepping.due(release, T0.plus(Duration.ofMinutes(5)).minusMillis(1))).isEqualTo(Stepping.Move.NONE);
		// the next step needs a product owner: time alone never moves it
		assertThat(Stepping.due(release, T0.plus(Duration.ofMinutes(5)))).isEqualTo(Stepping.Move.AWAIT_CONFIRMATION);

		Instant promoted = T0.plus(Duration.ofMinutes(7));
		release.reachStep(1, promoted);
		assertThat(Stepping.due(release, promoted.plus(Duration.ofMinutes(9)))).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, promoted.plus(Duration.ofMinutes(10)))).isEqualTo(Stepping.Move.ADVANCE);

		release.reachStep(2, promoted.plus(Duration.ofMinutes(10)));
		assertThat(release.atFullTraffic()).isTrue();
		assertThat(release.splitAt(2))
			.isEqualTo(Map.of(release.stableDeploymentId(), 0, release.candidateDeploymentId(), 100));
		assertThat(Stepping.due(release, promoted.plus(Duration.ofHours(1)))).as("no step after the last")
			.isEqualTo(Stepping.Move.NONE);
		assertThatThrownBy(() -> release.reachStep(2, promoted)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aPausedReleaseWaitsAndItsPauseCountsAgainFromTheResume() {
		Release release = approved(new Strategy(Strategy.Type.CANARY, List
			.of(new Strategy.Step(10, Duration.ofMinutes(5), false), new Strategy.Step(100, Duration.ZERO, false))),
				null);
		release.start(T0);
		release.pause();
		assertThat(Stepping.due(release, T0.plus(Duration.ofHours(1)))).isEqualTo(Stepping.Move.NONE);
		Instant resumed = T0.plus(Duration.ofHours(1));
		release.resume(resumed);
		assertThat(Stepping.due(release, resumed.plus(Duration.ofMinutes(4)))).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, resumed.plus(Duration.ofMinutes(5)))).isEqualTo(Stepping.Move.ADVANCE);
	}

	@Test
	void gateFailuresInARowRollBackAndAPassResetsTheCount() {
		Release release = approved(CANARY, null);
		release.start(T0);
		assertThat(release.countGate(false, 3, T0)).isFalse();
		assertThat(release.countGate(false, 3, T0)).isFalse();
		assertThat(release.countGate(true, 3, T0)).isFalse();
		assertThat(release.gateFailures()).isZero();
		assertThat(release.countGate(false, 3, T0)).isFalse();
		assertThat(release.countGate(false, 3, T0)).isFalse();
		assertThat(release.countGate(false, 3, T0.plusSeconds(1))).isTrue();
		assertThat(release.lastGateAt()).isEqualTo(T0.plusSeconds(1));
	}

	@Test
	void aGradualRollbackStepsBackOneStepPauseApartCountedFromTheStoredStep() {
		Release release = approved(new Strategy(Strategy.Type.CANARY, CANARY.steps(),
				new Strategy.Rollback(Strategy.Rollback.Mode.GRADUAL, Duration.ofSeconds(30))), null);
		release.start(T0);
		release.reachStep(1, T0.plusSeconds(60));
		release.reachStep(2, T0.plusSeconds(120));
		release.complete(T0.plusSeconds(120));
		assertThat(Stepping.due(release, T0.plus(Duration.ofDays(1)))).as("completed").isEqualTo(Stepping.Move.NONE);

		Instant asked = T0.plusSeconds(600);
		release.startRollback("bug", "erin", asked);
		assertThat(release.candidatePercent()).isEqualTo(50);
		assertThat(Stepping.due(release, asked.plusSeconds(29))).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, asked.plusSeconds(30))).isEqualTo(Stepping.Move.STEP_BACK);
		// a conductor that comes late takes one step back, and the next pause counts from
		// it
		Instant late = asked.plusSeconds(95);
		release.stepBack(late);
		assertThat(release.candidatePercent()).isEqualTo(10);
		assertThat(Stepping.due(release, late.plusSeconds(29))).isEqualTo(Stepping.Move.NONE);
		assertThat(Stepping.due(release, late.plusSeconds(30))).isEqualTo(Stepping.Move.STEP_BACK);
		release.stepBack(late.plusSeconds(30));
		assertThat(release.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
		assertThat(Stepping.due(release, late.plus(Duration.ofDays(1)))).isEqualTo(Stepping.Move.NONE);
	}

	@Test
	void aStepDueForwardIsNotDueOnceARollbackBegan() {
		Release release = approved(new Strategy(Strategy.Type.CANARY, CANARY.steps(),
				new Strategy.Rollback(Strategy.Rollback.Mode.GRADUAL, Duration.ofHours(1))), null);
		release.start(T0);
		release.reachStep(1, T0);
		assertThat(Stepping.due(release, T0.plus(Duration.ofMinutes(10)))).isEqualTo(Stepping.Move.ADVANCE);
		release.startRollback("bug", "erin", T0.plus(Duration.ofMinutes(10)));
		assertThat(Stepping.due(release, T0.plus(Duration.ofMinutes(30)))).isEqualTo(Stepping.Move.NONE);
	}

	@Test
	void allAtOnceIsOneStepOfEverything() {
		Release release = approved(Strategy.ALL_AT_ONCE, null);
		release.start(T0);
		assertThat(release.atFullTraffic()).isTrue();
		assertThat(release.splitAt(0)).containsEntry(release.candidateDeploymentId(), 100);
		release.complete(T0);
		assertThat(release.status()).isEqualTo(ReleaseStatus.COMPLETED);
		assertThat(Stepping.due(release, T0.plusSeconds(5))).isEqualTo(Stepping.Move.NONE);
	}

}
