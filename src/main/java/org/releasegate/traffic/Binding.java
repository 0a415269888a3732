package org.releasegate.traffic;

import java.time.Instant;
import java.util.Map;

import org.releasegate.traffic.adapter.BindingSettings;

/**
 * A router binding as stored: how to reach the load balancer, the desired split (null
 * until decided or adopted) and what the load balancer reported last.
 */
record Binding(String application, String environment, String adapter, BindingSettings settings,
		DriftPolicy driftPolicy, Split desired, Map<String, Double> observed, Instant observedAt, Boolean inSync,
		String lastError, Instant lastAppliedAt) {

	boolean corrects() {
		return driftPolicy == DriftPolicy.CORRECT;
	}

}
