package org.releasegate.deployments;

import java.util.Arrays;
import java.util.List;

/**
 * How a load balancer knows a deployment: an HAProxy server name, an NGINX upstream
 * {@code host:port}, a Kubernetes Service; several members separated by commas share the
 * deployment's percent.
 */
final class Endpoint {

	private Endpoint() {
	}

	static List<String> members(String endpoint) {
		return Arrays.stream(endpoint.split(",")).map(String::strip).filter(member -> !member.isEmpty()).toList();
	}

}
