package org.releasegate.traffic.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts percent shares to the whole-number weights most load balancers take (NGINX,
 * Traefik, Gateway API). Whole percents are sent as they are, so the load balancer shows
 * the numbers people chose; fractional shares (a deployment's 5% over two members) are
 * scaled by 10 or 100 so that the ratios still hold. A member with a non-zero share never
 * gets weight 0.
 */
public final class WholeWeights {

	private static final double EPSILON = 1e-6;

	private WholeWeights() {
	}

	/** Weight per member, in the order of the shares. */
	public static Map<String, Integer> of(MemberShares shares) {
		int scale = scale(shares);
		Map<String, Integer> weights = new LinkedHashMap<>();
		shares.percentByMember().forEach((member, percent) -> {
			long weight = Math.round(percent * scale);
			weights.put(member, (int) (percent > 0 ? Math.max(1, weight) : 0));
		});
		return weights;
	}

	private static int scale(MemberShares shares) {
		for (int scale : new int[] { 1, 10, 100 }) {
			boolean whole = shares.percentByMember()
				.values()
				.stream()
				.allMatch(percent -> Math.abs(percent * scale - Math.rint(percent * scale)) < EPSILON);
			if (whole) {
				return scale;
			}
		}
		return 100;
	}

}
