package org.releasegate.traffic.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WholeWeightsTest {

	@Test
	void wholePercentsAreTheWeights() {
		assertThat(WholeWeights.of(shares("v1", 90.0, "v2", 10.0))).containsExactly(Map.entry("v1", 90),
				Map.entry("v2", 10));
		assertThat(WholeWeights.of(shares("v1", 100.0, "v2", 0.0))).containsExactly(Map.entry("v1", 100),
				Map.entry("v2", 0));
	}

	@Test
	void fractionalSharesAreScaledSoTheRatiosHold() {
		Map<String, Integer> weights = WholeWeights.of(shares("v1a", 47.5, "v1b", 47.5, "v2a", 2.5, "v2b", 2.5));
		assertThat(weights).containsExactly(Map.entry("v1a", 475), Map.entry("v1b", 475), Map.entry("v2a", 25),
				Map.entry("v2b", 25));
		assertThat(MemberShares.fromWeights(weights).of("v2a")).isEqualTo(2.5);
	}

	@Test
	void thirdsBecomeHundredthsAndATinyShareNeverVanishes() {
		double third = 100.0 / 3;
		assertThat(WholeWeights.of(shares("a", third, "b", third, "c", third))).containsValues(3333, 3333, 3333);
		assertThat(WholeWeights.of(shares("a", 99.999, "b", 0.001))).containsEntry("b", 1);
	}

	@Test
	void weightsReadBackAsTheSamePercent() {
		MemberShares shares = shares("v1", 95.0, "v2", 5.0);
		assertThat(MemberShares.fromWeights(WholeWeights.of(shares))).isEqualTo(shares);
	}

	static MemberShares shares(Object... memberThenPercent) {
		Map<String, Double> shares = new LinkedHashMap<>();
		for (int i = 0; i < memberThenPercent.length; i += 2) {
			shares.put((String) memberThenPercent[i], (Double) memberThenPercent[i + 1]);
		}
		return new MemberShares(shares);
	}

}
