package org.releasegate.traffic.adapter.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.releasegate.traffic.adapter.WholeWeights;

/**
 * One rule of an HTTPRoute: its backendRefs are the members (by name), their weights the
 * shares. The Gateway API default weight is 1.
 */
record RouteRule(String describe, long generation, List<HTTPBackendRef> backendRefs, List<RouteParentStatus> parents,
		int index) {

	private static final Set<String> WATCHED_CONDITIONS = Set.of("Accepted", "ResolvedRefs");

	static RouteRule of(HTTPRoute route, GatewayApiSettings settings) {
		if (route == null) {
			throw new LoadBalancerException(settings.describe() + " does not exist");
		}
		var rules = route.getSpec() == null ? null : route.getSpec().getRules();
		if (rules == null || settings.ruleIndex() >= rules.size()) {
			throw new LoadBalancerException(settings.describe() + " has no rule " + settings.ruleIndex() + " (it has "
					+ (rules == null ? 0 : rules.size()) + ")");
		}
		List<HTTPBackendRef> refs = Objects.requireNonNullElse(rules.get(settings.ruleIndex()).getBackendRefs(),
				List.of());
		Set<String> names = new HashSet<>();
		for (HTTPBackendRef ref : refs) {
			if (!names.add(ref.getName())) {
				throw new LoadBalancerException(settings.describe() + " rule " + settings.ruleIndex()
						+ " names backendRef '" + ref.getName() + "' twice: members must be unique");
			}
		}
		Long generation = route.getMetadata().getGeneration();
		List<RouteParentStatus> parents = route.getStatus() == null || route.getStatus().getParents() == null
				? List.of() : route.getStatus().getParents();
		return new RouteRule(settings.describe(), generation == null ? 0 : generation, refs, parents,
				settings.ruleIndex());
	}

	MemberShares shares() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		backendRefs.forEach(ref -> weights.put(ref.getName(), ref.getWeight() == null ? 1 : ref.getWeight()));
		return MemberShares.fromWeights(weights);
	}

	/**
	 * What the gateways say is wrong with the route now: Accepted or ResolvedRefs false,
	 * for the route as it is (conditions about an older generation are stale).
	 */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		for (RouteParentStatus parent : parents) {
			for (Condition condition : Objects.requireNonNullElse(parent.getConditions(), List.<Condition>of())) {
				boolean current = condition.getObservedGeneration() == null || generation == 0
						|| condition.getObservedGeneration() == generation;
				if (current && WATCHED_CONDITIONS.contains(condition.getType())
						&& "False".equals(condition.getStatus())) {
					String gateway = parent.getParentRef() == null ? "?" : parent.getParentRef().getName();
					problems.add("gateway " + gateway + ": " + condition.getType() + "=False (" + condition.getReason()
							+ (condition.getMessage() == null ? "" : ": " + condition.getMessage()) + ")");
				}
			}
		}
		return problems;
	}

	/**
	 * A JSON Patch that sets the weights and first tests that each index still holds the
	 * same backendRef, so a route edited meanwhile is refused, not half-changed.
	 */
	List<Map<String, Object>> patch(MemberShares desired) {
		Map<String, Integer> weights = WholeWeights.of(desired);
		List<Map<String, Object>> operations = new ArrayList<>();
		for (int i = 0; i < backendRefs.size(); i++) {
			String name = backendRefs.get(i).getName();
			Integer weight = weights.remove(name);
			if (weight != null) {
				String path = "/spec/rules/" + index + "/backendRefs/" + i;
				operations.add(Map.of("op", "test", "path", path + "/name", "value", name));
				operations.add(Map.of("op", "add", "path", path + "/weight", "value", weight));
			}
		}
		weights.forEach((name, weight) -> {
			if (weight > 0) {
				throw new LoadBalancerException(describe + " rule " + index + " has no backendRef named '" + name
						+ "': add it to the route (with weight 0) before sending it traffic");
			}
		});
		return operations;
	}

}
