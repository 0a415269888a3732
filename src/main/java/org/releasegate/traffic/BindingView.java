package org.releasegate.traffic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A router binding as the API shows it. Settings whose names suggest a secret are masked.
 *
 * @param adopted on first save, the split read from the load balancer that became the
 * desired split (percent per version); null otherwise
 * @param observed percent per load-balancer member, as read when saving
 * @param unmatchedMembers members on the load balancer no running deployment names
 * @param missingMembers members named by running deployments that the load balancer lacks
 */
record BindingView(String application, String environment, String adapter, Map<String, String> settings,
		DriftPolicy driftPolicy, boolean created, Map<String, Integer> adopted, Map<String, Double> observed,
		Map<String, Double> unmatchedMembers, List<String> missingMembers) {

	static BindingView of(Binding binding) {
		return new BindingView(binding.application(), binding.environment(), binding.adapter(),
				masked(binding.settings().values()), binding.driftPolicy(), false, null, binding.observed(), null,
				null);
	}

	/** The view for readers who may see the binding's state but not its settings. */
	BindingView withoutSettings() {
		return new BindingView(application, environment, adapter, null, driftPolicy, created, adopted, observed,
				unmatchedMembers, missingMembers);
	}

	static Map<String, String> masked(Map<String, String> settings) {
		Map<String, String> masked = new TreeMap<>(settings);
		masked.replaceAll((name, value) -> name.toLowerCase().matches(".*(secret|password|token).*") ? "******"
				: org.releasegate.egress.Masking.urlCredentials(value));
		return masked;
	}

}
