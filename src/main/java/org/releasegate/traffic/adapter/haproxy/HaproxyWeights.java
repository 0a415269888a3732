package org.releasegate.traffic.adapter.haproxy;

/**
 * Percent of traffic to HAProxy weights and back. HAProxy weights are 0..256 and act
 * relative to each other, so 100% is 256 and any share above 0 keeps at least weight 1.
 */
final class HaproxyWeights {

	static final int MAX = 256;

	private HaproxyWeights() {
	}

	static int weight(double percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("percent must be within 0..100, not " + percent);
		}
		if (percent == 0) {
			return 0;
		}
		return (int) Math.max(1, Math.min(MAX, Math.round(percent * MAX / 100)));
	}

}
