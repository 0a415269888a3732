package org.releasegate.traffic.adapter.haproxy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HaproxyWeightsTest {

	@ParameterizedTest
	@CsvSource({ "0, 0", "100, 256", "50, 128", "90, 230", "10, 26", "1, 3", "0.1, 1", "0.01, 1", "99.9, 256" })
	void percentBecomesAnAbsoluteWeight(double percent, int weight) {
		assertThat(HaproxyWeights.weight(percent)).isEqualTo(weight);
	}

	@Test
	void anyShareAboveZeroKeepsAWeight() {
		for (double percent = 0.01; percent <= 100; percent += 0.37) {
			assertThat(HaproxyWeights.weight(percent)).isBetween(1, 256);
		}
	}

	@Test
	void weightsReadBackAsTheSharesTheyCameFrom() {
		for (int percent = 0; percent <= 100; percent++) {
			MemberShares back = MemberShares
				.fromWeights(Map.of("a", HaproxyWeights.weight(percent), "b", HaproxyWeights.weight(100 - percent)));
			assertThat(back.of("a")).isCloseTo(percent, org.assertj.core.data.Offset.offset(0.5));
		}
	}

	@Test
	void refusesPercentOutsideRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> HaproxyWeights.weight(101));
		assertThatIllegalArgumentException().isThrownBy(() -> HaproxyWeights.weight(-1));
	}

}
