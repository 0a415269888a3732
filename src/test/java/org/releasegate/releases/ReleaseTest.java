package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.releasegate.common.ConflictException;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseTest {

	static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

	static final Strategy CANARY = new Strategy(Strategy.Type.CANARY,
			List.of(new Strategy.Step(5, Duration.ofMinutes(5), false),
					new Strategy.Step(50, Duration.ofMinutes(10), true), new Strategy.Step(100, Duration.ZERO, false)));

	static Release requested(Strategy strategy) {
		return Release.request(new NewRelease("checkout", "production", UUID.randomUUID(), "1.5.0", UUID.randomUUID(),
				"1.4.0", strategy, null, "pager: alice", "new basket", null, "erin"), T0);
	}

	static Release approved() {
		Release release = requested(CANARY);
		release.approve("paula", "ok", T0);
		assertThat(release.approveIfReady(true, 1, null, T0)).isTrue();
		return release;
	}

	static List<Object> events(Release release) {
		return new EventPeek(release).events();
	}

	@Test
	void aRequestIsRequestedAndSaysSo() {
		Release release = requested(CANARY);
		assertThat(release.status()).isEqualTo(ReleaseStatus.REQUESTED);
		assertThat(events(release)).singleElement().isInstanceOf(ReleaseRequested.class);
	}

	@Test
	void aFirstReleaseIsAllAtOnce() {
		assertThatThrownBy(() -> Release.request(new NewRelease("checkout", "production", UUID.randomUUID(), "1.0.0",
				null, null, CANARY, null, null, null, null, "erin"), T0))
			.isInstanceOf(InvalidField.class)
			.hasMessageContaining("strategy.type");
	}

	@Test
	void theRequesterNeverApprovesTheirOwnRelease() {
		Release release = requested(CANARY);
		assertThatThrownBy(() -> release.approve("erin", "mine", T0)).isInstanceOf(DecisionForbidden.class)
			.hasMessageContaining("four eyes");
	}

	@Test
	void samePersonCountsOnce() {
		Release release = requested(CANARY);
		release.approve("paula", "ok", T0);
		assertThatThrownBy(() -> release.approve("paula", "again", T0)).isInstanceOf(ConflictException.class);
		assertThat(release.approvers()).containsExactly("paula");
	}

	@Test
	void approvedOnlyWhenEnoughApprovalsAndChecksGreen() {
		Release release = requested(CANARY);
		release.approve("paula", null, T0);
		assertThat(release.approveIfReady(true, 2, null, T0)).isFalse();
		release.approve("peter", null, T0);
		assertThat(release.approveIfReady(false, 2, null, T0)).isFalse();
		assertThat(release.status()).isEqualTo(ReleaseStatus.REQUESTED);
		assertThat(release.approveIfReady(true, 2, null, T0)).isTrue();
		assertThat(release.status()).isEqualTo(ReleaseStatus.APPROVED);
		assertThat(release.approvedByPolicy()).isFalse();
		assertThat(events(release)).last()
			.isEqualTo(new ReleaseApproved(release.id(), "checkout", "production", List.of("paula", "peter"), false));
		assertThat(release.approveIfReady(true, 2, null, T0)).isFalse();
	}

	@Test
	void thePolicyApprovesAfterAQuietPeriod() {
		Release release = requested(CANARY);
		Duration quiet = Duration.ofHours(2);
		assertThat(release.approveIfReady(true, 1, null, T0.plus(Duration.ofDays(3)))).isFalse();
		assertThat(release.approveIfReady(true, 1, quiet, T0.plus(Duration.ofMinutes(119)))).isFalse();
		assertThat(release.approveIfReady(false, 1, quiet, T0.plus(quiet))).isFalse();
		assertThat(release.approveIfReady(true, 1, quiet, T0.plus(quiet))).isTrue();
		assertThat(release.approvedByPolicy()).isTrue();
		assertThat(release.decidedBy()).isEqualTo("policy");
	}

	@Test
	void aRejectionNeedsACommentAndClosesTheRelease() {
		Release release = requested(CANARY);
		assertThatThrownBy(() -> release.reject("paula", " ", T0)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("comment");
		release.reject("paula", "copy is wrong", T0);
		assertThat(release.status()).isEqualTo(ReleaseStatus.REJECTED);
		assertThat(release.reason()).isEqualTo("copy is wrong");
		assertThat(events(release)).last().isInstanceOf(ReleaseRejected.class);
		assertThatThrownBy(() -> release.approve("peter", null, T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> release.cancel("erin", null, T0)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void changingThePlanVoidsEveryApproval() {
		Release release = requested(CANARY);
		release.approve("paula", null, T0);
		release.changePlan(Strategy.ALL_AT_ONCE, T0.plus(Duration.ofDays(1)), "pager: bob", T0.plusSeconds(60));
		assertThat(release.approvers()).isEmpty();
		assertThat(release.approvals()).singleElement().satisfies(a -> assertThat(a.voided()).isTrue());
		assertThat(release.planChangedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(release.strategy()).isEqualTo(Strategy.ALL_AT_ONCE);
		// after the plan change the same person may approve the new plan
		release.approve("paula", null, T0.plusSeconds(120));
		assertThat(release.approvers()).containsExactly("paula");
	}

	@Test
	void thePlanIsFixedOnceApproved() {
		Release release = approved();
		assertThatThrownBy(() -> release.changePlan(CANARY, null, null, T0)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void cancelledFromRequestedOrApproved() {
		Release requested = requested(CANARY);
		requested.cancel("erin", "wrong build", T0);
		assertThat(requested.status()).isEqualTo(ReleaseStatus.CANCELLED);
		assertThat(events(requested)).last()
			.isEqualTo(new ReleaseCancelled(requested.id(), "checkout", "production", "erin", "wrong build"));
		Release approved = approved();
		approved.cancel("maria", null, T0);
		assertThat(approved.status()).isEqualTo(ReleaseStatus.CANCELLED);
	}

	@Test
	void checklistMarksAndWaiversThatStand() {
		Release release = requested(CANARY);
		assertThatThrownBy(() -> release.attest("normal-behaviour", "", "erin", T0)).isInstanceOf(InvalidField.class);
		release.attest("normal-behaviour", "dashboards flat", "erin", T0);
		assertThat(release.attestation("normal-behaviour")).get()
			.satisfies(m -> assertThat(m.markedBy()).isEqualTo("erin"));
		release.waive("soak", "hotfix", "maria", T0);
		assertThatThrownBy(() -> release.waive("soak", "again", "maria", T0)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> release.attest("soak", "fine", "erin", T0)).isInstanceOf(ConflictException.class);
		release.cancel("erin", null, T0);
		assertThatThrownBy(() -> release.waive("contact", "x", "maria", T0)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCanaryRunsItsStepsInOrderAndCompletesAtTheLast() {
		Release release = approved();
		assertThatThrownBy(() -> release.reachStep(1, T0)).isInstanceOf(IllegalStateException.class);
		release.start(T0.plusSeconds(1));
		assertThat(release.status()).isEqualTo(ReleaseStatus.IN_PROGRESS);
		assertThat(release.currentStep()).isZero();
		assertThat(events(release)).contains(new ReleaseStepReached(release.id(), "checkout", "production", 0, 5));
		assertThatThrownBy(() -> release.reachStep(2, T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> release.complete(T0)).isInstanceOf(IllegalStateException.class);
		release.reachStep(1, T0.plusSeconds(2));
		assertThat(release.stepStartedAt()).isEqualTo(T0.plusSeconds(2));
		release.pause();
		assertThat(release.status()).isEqualTo(ReleaseStatus.PAUSED);
		assertThatThrownBy(() -> release.reachStep(2, T0)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(release::pause).isInstanceOf(IllegalStateException.class);
		release.resume(T0.plusSeconds(3));
		assertThat(release.stepStartedAt()).isEqualTo(T0.plusSeconds(3));
		release.reachStep(2, T0.plusSeconds(4));
		assertThatThrownBy(() -> release.reachStep(3, T0)).isInstanceOf(IllegalStateException.class);
		release.complete(T0.plusSeconds(5));
		assertThat(release.status()).isEqualTo(ReleaseStatus.COMPLETED);
		assertThat(events(release)).last().isInstanceOf(ReleaseCompleted.class);
		assertThat(events(release)).hasAtLeastOneElementOfType(ReleasePaused.class)
			.hasAtLeastOneElementOfType(ReleaseResumed.class)
			.hasAtLeastOneElementOfType(ReleaseStarted.class);
	}

	@Test
	void aCanaryBeforeAStepThatNeedsConfirmationSaysItWaitsOnce() {
		Release release = approved();
		release.start(T0);
		assertThat(events(release))
			.containsOnlyOnce(new ReleaseAwaitingConfirmation(release.id(), "checkout", "production", 1, 50));
		release.reachStep(1, T0.plusSeconds(1));
		release.reachStep(2, T0.plusSeconds(2));
		assertThat(events(release)).filteredOn(ReleaseAwaitingConfirmation.class::isInstance).hasSize(1);
	}

	@Test
	void anAllAtOnceReleaseIsAtItsLastStepWhenStarted() {
		Release release = requested(Strategy.ALL_AT_ONCE);
		release.approve("paula", null, T0);
		release.approveIfReady(true, 1, null, T0);
		release.start(T0);
		assertThat(events(release)).contains(new ReleaseStepReached(release.id(), "checkout", "production", 0, 100));
		release.complete(T0);
		assertThat(release.status()).isEqualTo(ReleaseStatus.COMPLETED);
	}

	@Test
	void rollbackFromRunningPausedOrCompletedWithAReason() {
		Release running = approved().start(T0);
		assertThatThrownBy(() -> running.rollBack(" ", "erin", T0)).isInstanceOf(InvalidField.class);
		running.rollBack("error rate", "erin", T0);
		assertThat(running.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
		assertThat(events(running)).last().isInstanceOf(ReleaseRolledBack.class);
		assertThatThrownBy(() -> running.rollBack("again", "erin", T0)).isInstanceOf(IllegalStateException.class);

		Release paused = approved().start(T0).pause();
		paused.rollBack("slow", "paula", T0);
		assertThat(paused.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);

		Release completed = approved().start(T0).reachStep(1, T0).reachStep(2, T0).complete(T0);
		completed.rollBack("bug found", "maria", T0);
		assertThat(completed.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);

		assertThatThrownBy(() -> requested(CANARY).rollBack("x", "erin", T0)).isInstanceOf(IllegalStateException.class);
	}

	static final Strategy GRADUAL = new Strategy(Strategy.Type.CANARY,
			List.of(new Strategy.Step(5, Duration.ofMinutes(5), false),
					new Strategy.Step(25, Duration.ofMinutes(5), false),
					new Strategy.Step(50, Duration.ofMinutes(10), false), new Strategy.Step(100, Duration.ZERO, false)),
			new Strategy.Rollback(Strategy.Rollback.Mode.GRADUAL, Duration.ofSeconds(30)));

	static Release running(Strategy strategy, int step) {
		Release release = requested(strategy);
		release.approve("paula", "ok", T0);
		assertThat(release.approveIfReady(true, 1, null, T0)).isTrue();
		release.start(T0);
		for (int i = 1; i <= step; i++) {
			release.reachStep(i, T0.plusSeconds(i));
		}
		return release;
	}

	@Test
	void aGradualRollbackWalksTheCanaryStepsBackToNothing() {
		Release release = running(GRADUAL, 2);
		assertThat(release.candidatePercent()).isEqualTo(50);
		assertThat(release.walksBack()).isTrue();
		Instant asked = T0.plusSeconds(60);
		assertThatThrownBy(() -> release.startRollback(" ", "erin", asked)).isInstanceOf(InvalidField.class);

		release.startRollback("error rate", "erin", asked);
		assertThat(release.status()).isEqualTo(ReleaseStatus.ROLLING_BACK);
		assertThat(release.status().isOpen()).as("it still moves traffic").isTrue();
		assertThat(release.candidatePercent()).as("the first step back comes at once").isEqualTo(25);
		assertThat(release.stepStartedAt()).isEqualTo(asked);
		assertThat(release.decidedBy()).isEqualTo("erin");
		assertThat(release.finishedAt()).isNull();
		assertThat(events(release))
			.contains(
					new ReleaseRollbackStarted(release.id(), "checkout", "production", release.stableDeploymentId(),
							"error rate", "erin"),
					new ReleaseSteppedBack(release.id(), "checkout", "production", 1, 25));
		assertThatThrownBy(release::pause).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> release.reachStep(2, asked)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> release.startRollback("again", "erin", asked))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("already ROLLING_BACK");

		release.stepBack(asked.plusSeconds(30));
		assertThat(release.candidatePercent()).isEqualTo(5);
		assertThat(release.currentStep()).isZero();
		assertThat(events(release)).last()
			.isEqualTo(new ReleaseSteppedBack(release.id(), "checkout", "production", 0, 5));
		release.stepBack(asked.plusSeconds(60));
		assertThat(release.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
		assertThat(release.candidatePercent()).isZero();
		assertThat(release.finishedAt()).isEqualTo(asked.plusSeconds(60));
		assertThat(events(release)).last()
			.isEqualTo(new ReleaseRolledBack(release.id(), "checkout", "production", release.stableDeploymentId(),
					"error rate", "erin"));
		assertThatThrownBy(() -> release.stepBack(asked.plusSeconds(90))).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCompletedReleaseWalksBackFromTheTopAndAPausedOneFromItsStep() {
		Release completed = running(GRADUAL, 3).complete(T0.plusSeconds(10));
		completed.startRollback("bug found", "maria", T0.plusSeconds(20));
		List<Integer> shares = new java.util.ArrayList<>(List.of(completed.candidatePercent()));
		while (completed.status() == ReleaseStatus.ROLLING_BACK) {
			completed.stepBack(T0.plusSeconds(30));
			shares.add(completed.candidatePercent());
		}
		assertThat(shares).containsExactly(50, 25, 5, 0);

		Release paused = running(GRADUAL, 1).pause();
		paused.startRollback("slow", "paula", T0.plusSeconds(20));
		assertThat(paused.candidatePercent()).isEqualTo(5);
	}

	@Test
	void aPersonEndsAGradualRollbackAtOnce() {
		Release release = running(GRADUAL, 2);
		release.startRollback("error rate", "erin", T0.plusSeconds(60));
		release.rollBack("errors climbing, now", "maria", T0.plusSeconds(65));
		assertThat(release.status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
		assertThat(release.candidatePercent()).isZero();
		assertThat(release.decidedBy()).as("the decision that closed it").isEqualTo("maria");
		assertThat(release.reason()).isEqualTo("errors climbing, now");
		assertThatThrownBy(() -> release.stepBack(T0.plusSeconds(90))).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void nothingWalksBackFromTheFirstStepOrWithAnInstantPlan() {
		Release atFirst = running(GRADUAL, 0);
		assertThat(atFirst.walksBack()).isFalse();
		assertThatThrownBy(() -> atFirst.startRollback("x", "erin", T0)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no steps to walk back");
		Release instant = running(CANARY, 1);
		assertThat(instant.walksBack()).isFalse();
		assertThatThrownBy(() -> instant.startRollback("x", "erin", T0)).isInstanceOf(IllegalStateException.class);
		assertThat(requested(GRADUAL).walksBack()).as("not started").isFalse();
	}

	@Test
	void theRollbackPlanIsStoredWithTheStrategy() {
		assertThat(requested(GRADUAL).strategy()).isEqualTo(GRADUAL);
		assertThat(requested(CANARY).strategy().rollback()).isEqualTo(Strategy.Rollback.INSTANT);
	}

	@Test
	void aFirstReleaseHasNothingToRollBackTo() {
		Release first = Release.request(new NewRelease("checkout", "production", UUID.randomUUID(), "1.0.0", null, null,
				Strategy.ALL_AT_ONCE, null, null, null, null, "erin"), T0);
		first.approve("paula", null, T0);
		first.approveIfReady(true, 1, null, T0);
		first.start(T0);
		assertThatThrownBy(() -> first.rollBack("x", "erin", T0)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("first release");
	}

	@ParameterizedTest
	@EnumSource(ReleaseStatus.class)
	void theTransitionTableMatchesTheDesign(ReleaseStatus from) {
		List<ReleaseStatus> allowed = java.util.Arrays.stream(ReleaseStatus.values()).filter(from::canMoveTo).toList();
		List<ReleaseStatus> expected = switch (from) {
			case REQUESTED -> List.of(ReleaseStatus.APPROVED, ReleaseStatus.REJECTED, ReleaseStatus.CANCELLED);
			case APPROVED -> List.of(ReleaseStatus.CANCELLED, ReleaseStatus.IN_PROGRESS);
			case IN_PROGRESS -> List.of(ReleaseStatus.PAUSED, ReleaseStatus.COMPLETED, ReleaseStatus.ROLLING_BACK,
					ReleaseStatus.ROLLED_BACK);
			case PAUSED -> List.of(ReleaseStatus.IN_PROGRESS, ReleaseStatus.ROLLING_BACK, ReleaseStatus.ROLLED_BACK);
			case COMPLETED -> List.of(ReleaseStatus.ROLLING_BACK, ReleaseStatus.ROLLED_BACK);
			case ROLLING_BACK -> List.of(ReleaseStatus.ROLLED_BACK);
			case REJECTED, CANCELLED, ROLLED_BACK -> List.of();
		};
		assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(from.isOpen()).isEqualTo(
				from == ReleaseStatus.REQUESTED || from == ReleaseStatus.APPROVED || from == ReleaseStatus.IN_PROGRESS
						|| from == ReleaseStatus.PAUSED || from == ReleaseStatus.ROLLING_BACK);
	}

	@Test
	void startNeedsApproval() {
		assertThatThrownBy(() -> requested(CANARY).start(T0)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("REQUESTED");
		assertThatThrownBy(() -> requested(CANARY).resume(T0)).isInstanceOf(IllegalStateException.class);
	}

	/** Reads the events an aggregate registered, as Spring Data would publish them. */
	static final class EventPeek {

		private final AbstractAggregateRoot<?> root;

		EventPeek(AbstractAggregateRoot<?> root) {
			this.root = root;
		}

		@SuppressWarnings("unchecked")
		List<Object> events() {
			try {
				java.lang.reflect.Method method = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
				method.setAccessible(true);
				return List.copyOf((java.util.Collection<Object>) method.invoke(root));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
