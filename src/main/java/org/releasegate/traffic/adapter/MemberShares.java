package org.releasegate.traffic.adapter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Percent of user traffic per load-balancer member. Shares may be fractional (a
 * deployment's 5% spread over two members is 2.5% each) and sum to 100, or to 0 when no
 * member receives traffic.
 */
public record MemberShares(Map<String, Double> percentByMember) {

	public MemberShares {
		percentByMember = Collections.unmodifiableMap(new LinkedHashMap<>(percentByMember));
		double total = 0;
		for (Map.Entry<String, Double> share : percentByMember.entrySet()) {
			if (share.getValue() == null || share.getValue() < 0 || share.getValue() > 100) {
				throw new IllegalArgumentException("share of " + share.getKey() + " must be within 0..100");
			}
			total += share.getValue();
		}
		if (total != 0 && Math.abs(total - 100) > 0.5) {
			throw new IllegalArgumentException("shares must sum to 100, not " + total);
		}
	}

	public double of(String member) {
		return percentByMember.getOrDefault(member, 0.0);
	}

	public boolean names(String member) {
		return percentByMember.containsKey(member);
	}

	/**
	 * Shares from a load balancer's own weights: each member gets its weight over the sum
	 * of all weights (all 0 when every weight is 0).
	 */
	public static MemberShares fromWeights(Map<String, ? extends Number> weights) {
		double sum = weights.values().stream().mapToDouble(Number::doubleValue).sum();
		Map<String, Double> shares = new LinkedHashMap<>();
		weights.forEach((member, weight) -> shares.put(member, sum == 0 ? 0.0 : weight.doubleValue() * 100 / sum));
		return new MemberShares(shares);
	}

}
