package org.releasegate.releases;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyTest {

	static Strategy.Step step(int weight) {
		return new Strategy.Step(weight, Duration.ofMinutes(5), false);
	}

	@Test
	void canaryWeightsStrictlyIncreaseAndEndAt100() {
		assertThatThrownBy(() -> new Strategy(Strategy.Type.CANARY, List.of(step(5), step(5), step(100))))
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(((InvalidField) ex).field()).isEqualTo("steps[1].weight"));
		assertThatThrownBy(() -> new Strategy(Strategy.Type.CANARY, List.of(step(5), step(50))))
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(((InvalidField) ex).field()).isEqualTo("steps[1].weight"));
		assertThatThrownBy(() -> new Strategy(Strategy.Type.CANARY, List.of())).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> step(0)).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> step(101)).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> new Strategy.Step(10, Duration.ofMinutes(-1), false)).isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> new Strategy(Strategy.Type.ALL_AT_ONCE, List.of(step(100))))
			.isInstanceOf(InvalidField.class);
	}

	@Test
	void storedStepsReadBackTheSame() {
		Strategy canary = new Strategy(Strategy.Type.CANARY,
				List.of(new Strategy.Step(5, Duration.ofSeconds(90), true), step(25), step(100)));
		assertThat(Strategy.decode(canary.type(), canary.encodeSteps())).isEqualTo(canary);
		assertThat(Strategy.decode(Strategy.Type.ALL_AT_ONCE, Strategy.ALL_AT_ONCE.encodeSteps()))
			.isEqualTo(Strategy.ALL_AT_ONCE);
		assertThat(Strategy.ALL_AT_ONCE.plan()).singleElement().extracting(Strategy.Step::weight).isEqualTo(100);
	}

	static Strategy.Rollback gradual(Duration stepPause) {
		return new Strategy.Rollback(Strategy.Rollback.Mode.GRADUAL, stepPause);
	}

	static String field(Throwable ex) {
		return ((InvalidField) ex).field();
	}

	@Test
	void aGradualRollbackNeedsAPositiveStepPauseAndStepsToWalk() {
		assertThat(new Strategy(Strategy.Type.CANARY, List.of(step(5), step(100))).rollback())
			.isEqualTo(Strategy.Rollback.INSTANT);
		assertThat(gradual(Duration.ofSeconds(5)).gradual()).isTrue();
		for (Duration bad : new Duration[] { null, Duration.ZERO, Duration.ofSeconds(-1) }) {
			assertThatThrownBy(() -> gradual(bad)).isInstanceOf(InvalidField.class)
				.satisfies(ex -> assertThat(field(ex)).isEqualTo("stepPause"));
		}
		assertThatThrownBy(() -> new Strategy.Rollback(Strategy.Rollback.Mode.INSTANT, Duration.ofSeconds(5)))
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("stepPause"));
		assertThatThrownBy(() -> new Strategy.Rollback(null, null)).isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("mode"));
		assertThatThrownBy(() -> new Strategy(Strategy.Type.ALL_AT_ONCE, List.of(), gradual(Duration.ofSeconds(5))))
			.isInstanceOf(InvalidField.class)
			.hasMessageContaining("ALL_AT_ONCE")
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("rollback.mode"));
		assertThatThrownBy(() -> new Strategy(Strategy.Type.CANARY, List.of(step(100)), gradual(Duration.ofSeconds(5))))
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("rollback.mode"));
	}

	@Test
	void aGradualRollbackReadsBackTheSame() {
		Strategy canary = new Strategy(Strategy.Type.CANARY, List.of(step(5), step(100)),
				gradual(Duration.ofMillis(1500)));
		assertThat(Strategy.decode(canary.type(), canary.encodeSteps(), canary.rollback())).isEqualTo(canary);
	}

	@Test
	void rollbackFieldsAreNamedFromTheBody() {
		List<ReleaseRequests.StepBody> steps = List.of(new ReleaseRequests.StepBody(5, Duration.ofMinutes(5), null),
				new ReleaseRequests.StepBody(100, Duration.ZERO, null));
		assertThatThrownBy(new ReleaseRequests.StrategyBody(Strategy.Type.CANARY, steps,
				new ReleaseRequests.RollbackBody(Strategy.Rollback.Mode.GRADUAL, null))::toStrategy)
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("strategy.rollback.stepPause"));
		assertThatThrownBy(new ReleaseRequests.StrategyBody(Strategy.Type.ALL_AT_ONCE, null,
				new ReleaseRequests.RollbackBody(Strategy.Rollback.Mode.GRADUAL, Duration.ofSeconds(5)))::toStrategy)
			.isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(field(ex)).isEqualTo("strategy.rollback.mode"));
		assertThat(new ReleaseRequests.StrategyBody(Strategy.Type.CANARY, steps,
				new ReleaseRequests.RollbackBody(Strategy.Rollback.Mode.GRADUAL, Duration.ofSeconds(5)))
			.toStrategy()
			.rollback()).isEqualTo(gradual(Duration.ofSeconds(5)));
	}

	@Test
	void requestFieldsAreNamedFromTheBody() {
		ReleaseRequests.StrategyBody body = new ReleaseRequests.StrategyBody(Strategy.Type.CANARY,
				List.of(new ReleaseRequests.StepBody(5, Duration.ofMinutes(5), null),
						new ReleaseRequests.StepBody(300, Duration.ofMinutes(5), null)));
		assertThatThrownBy(body::toStrategy).isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(((InvalidField) ex).field()).isEqualTo("strategy.steps[1].weight"));
	}

}
