package org.releasegate.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SplitTest {

	private final UUID v1 = UUID.randomUUID();

	private final UUID v2 = UUID.randomUUID();

	@Test
	void wholePercentsSummingToOneHundred() {
		Split split = new Split(Map.of(v1, 90, v2, 10));
		assertThat(split.percentOf(v1)).isEqualTo(90);
		assertThat(split.percentOf(v2)).isEqualTo(10);
		assertThat(split.percentOf(UUID.randomUUID())).isZero();
		assertThat(split.holder()).isEmpty();
	}

	@Test
	void theDeploymentWithAllTrafficHoldsIt() {
		assertThat(Split.all(v2).holder()).contains(v2);
		assertThat(new Split(Map.of(v1, 0, v2, 100)).holder()).contains(v2);
	}

	@Test
	void refusesSplitsThatDoNotSumToOneHundred() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Split(Map.of(v1, 90, v2, 20)))
			.withMessageContaining("110");
		assertThatIllegalArgumentException().isThrownBy(() -> new Split(Map.of(v1, 99)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Split(Map.of()));
	}

	@Test
	void refusesSharesOutsideZeroToOneHundred() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Split(Map.of(v1, 101, v2, -1)));
		Map<UUID, Integer> withNull = new LinkedHashMap<>();
		withNull.put(v1, 100);
		withNull.put(v2, null);
		assertThatIllegalArgumentException().isThrownBy(() -> new Split(withNull));
	}

}
