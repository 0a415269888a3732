package org.releasegate.traffic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.releasegate.common.UnprocessableException;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.springframework.stereotype.Component;

/** Every load balancer adapter in the application context, by its type. */
@Component
class Adapters {

	private final Map<String, LoadBalancerAdapter> byType;

	Adapters(List<LoadBalancerAdapter> adapters) {
		this.byType = adapters.stream()
			.collect(Collectors.toMap(LoadBalancerAdapter::type, Function.identity(), (a, b) -> {
				throw new IllegalStateException("two load balancer adapters of type " + a.type());
			}, TreeMap::new));
	}

	LoadBalancerAdapter get(String type) {
		LoadBalancerAdapter adapter = byType.get(type);
		if (adapter == null) {
			throw new UnprocessableException("adapter",
					"no load balancer adapter '" + type + "'; known: " + String.join(", ", byType.keySet()));
		}
		return adapter;
	}

}
