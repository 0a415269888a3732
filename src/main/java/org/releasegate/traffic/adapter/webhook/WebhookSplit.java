package org.releasegate.traffic.adapter.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

/**
 * The JSON a webhook receives and answers: {@code {"members": {"<member>": percent},
 * "timestamp": "..."}}. Whole percents are sent as integers (what a receiver most likely
 * expects), fractional ones as decimals.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WebhookSplit(Map<String, Number> members, String timestamp) {

	static WebhookSplit of(MemberShares shares, String timestamp) {
		Map<String, Number> members = new LinkedHashMap<>();
		shares.percentByMember().forEach((member, percent) -> members.put(member, unit(percent)));
		return new WebhookSplit(members, timestamp);
	}

	static Number unit(double percent) {
		return percent == Math.rint(percent) ? (Number) (int) percent : (Number) percent;
	}

	MemberShares shares() {
		if (members == null) {
			throw new LoadBalancerException("the webhook answered without 'members'");
		}
		Map<String, Double> shares = new LinkedHashMap<>();
		members.forEach((member, percent) -> {
			if (percent == null) {
				throw new LoadBalancerException("the webhook answered no percent for '" + member + "'");
			}
			shares.put(member, percent.doubleValue());
		});
		try {
			return new MemberShares(shares);
		}
		catch (IllegalArgumentException ex) {
			throw new LoadBalancerException("the webhook answered an impossible split: " + ex.getMessage());
		}
	}

}
