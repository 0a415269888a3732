package org.releasegate.traffic.adapter.pull;

import java.util.List;
import java.util.Map;

import org.releasegate.traffic.adapter.MemberShares;
import org.releasegate.traffic.adapter.WholeWeights;

/**
 * A Traefik dynamic configuration with one weighted service named after the key, whose
 * children are the members (Traefik service names such as {@code checkout-v2@file}).
 * Traefik skips children of weight 0.
 */
record TraefikConfiguration(Http http) {

	static TraefikConfiguration of(String key, MemberShares shares) {
		List<Child> children = WholeWeights.of(shares)
			.entrySet()
			.stream()
			.map(weight -> new Child(weight.getKey(), weight.getValue()))
			.toList();
		return new TraefikConfiguration(new Http(Map.of(key, new Service(new Weighted(children)))));
	}

	record Http(Map<String, Service> services) {
	}

	record Service(Weighted weighted) {
	}

	record Weighted(List<Child> services) {
	}

	record Child(String name, int weight) {
	}

}
