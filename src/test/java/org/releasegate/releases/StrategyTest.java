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

	@Test
	void requestFieldsAreNamedFromTheBody() {
		ReleaseRequests.StrategyBody body = new ReleaseRequests.StrategyBody(Strategy.Type.CANARY,
				List.of(new ReleaseRequests.StepBody(5, Duration.ofMinutes(5), null),
						new ReleaseRequests.StepBody(300, Duration.ofMinutes(5), null)));
		assertThatThrownBy(body::toStrategy).isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(((InvalidField) ex).field()).isEqualTo("strategy.steps[1].weight"));
	}

}
