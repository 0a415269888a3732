package org.releasegate.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.adapter.MemberShares;

/**
 * Translates between deployments and load-balancer members: a deployment's endpoint names
 * its members, which share its percent equally.
 */
final class MemberMapping {

	private MemberMapping() {
	}

	/**
	 * The share of each member under the split: members of deployments the split does not
	 * name get 0%.
	 */
	static MemberShares members(Split split, List<DeploymentSummary> deployments) {
		Map<String, Double> shares = new LinkedHashMap<>();
		for (DeploymentSummary deployment : deployments) {
			List<String> members = deployment.members();
			double each = members.isEmpty() ? 0 : (double) split.percentOf(deployment.id()) / members.size();
			members.forEach(member -> shares.merge(member, each, Double::sum));
		}
		for (UUID id : split.percentByDeployment().keySet()) {
			if (split.percentOf(id) > 0 && deployments.stream().noneMatch(d -> d.id().equals(id))) {
				throw new IllegalStateException("deployment " + id + " of the split no longer runs");
			}
		}
		return new MemberShares(shares);
	}

	/**
	 * Whether the load balancer sends every member its desired share, within tolerance.
	 */
	static boolean matches(MemberShares desired, MemberShares observed, double tolerance) {
		for (Map.Entry<String, Double> share : desired.percentByMember().entrySet()) {
			if (Math.abs(share.getValue() - observed.of(share.getKey())) > tolerance) {
				return false;
			}
		}
		for (Map.Entry<String, Double> share : observed.percentByMember().entrySet()) {
			if (!desired.names(share.getKey()) && share.getValue() > tolerance) {
				return false;
			}
		}
		return true;
	}

	/**
	 * What the load balancer sends, per deployment, and to members no deployment names.
	 */
	static Observed observed(MemberShares observed, List<DeploymentSummary> deployments) {
		Map<DeploymentSummary, Double> byDeployment = new LinkedHashMap<>();
		Map<String, Double> unmatched = new LinkedHashMap<>(observed.percentByMember());
		List<String> missing = new ArrayList<>();
		for (DeploymentSummary deployment : deployments) {
			double total = 0;
			boolean seen = false;
			for (String member : deployment.members()) {
				if (observed.names(member)) {
					seen = true;
					total += observed.of(member);
					unmatched.remove(member);
				}
				else {
					missing.add(member);
				}
			}
			if (seen) {
				byDeployment.put(deployment, total);
			}
		}
		return new Observed(byDeployment, unmatched, missing);
	}

	/**
	 * Whole percents, in proportion to the given shares, that sum to 100 (largest
	 * remainder first); empty when all shares are 0.
	 */
	static <K> Map<K, Integer> wholePercents(Map<K, Double> shares) {
		double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
		Map<K, Integer> result = new LinkedHashMap<>();
		if (total <= 0) {
			return result;
		}
		int assigned = 0;
		Map<K, Double> remainders = new LinkedHashMap<>();
		for (Map.Entry<K, Double> share : shares.entrySet()) {
			double exact = share.getValue() * 100 / total;
			int floor = (int) Math.floor(exact);
			result.put(share.getKey(), floor);
			remainders.put(share.getKey(), exact - floor);
			assigned += floor;
		}
		List<K> byRemainder = new ArrayList<>(remainders.keySet());
		byRemainder.sort(Comparator.comparing(remainders::get).reversed());
		for (int i = 0; i < 100 - assigned; i++) {
			result.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
		}
		return result;
	}

	/**
	 * An observation in deployment terms.
	 *
	 * @param byDeployment percent per deployment that has members on the load balancer
	 * @param unmatched members on the load balancer no running deployment names
	 * @param missing members named by running deployments that the load balancer lacks
	 */
	record Observed(Map<DeploymentSummary, Double> byDeployment, Map<String, Double> unmatched, List<String> missing) {

		/** The observed split in whole percent, if any deployment receives traffic. */
		Split asSplit() {
			Map<UUID, Double> shares = new LinkedHashMap<>();
			byDeployment.forEach((deployment, percent) -> shares.put(deployment.id(), percent));
			Map<UUID, Integer> whole = wholePercents(shares);
			return whole.isEmpty() ? null : new Split(whole);
		}

	}

}
