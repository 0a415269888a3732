package org.releasegate.traffic;

import java.util.Map;

/**
 * The load balancer was found sending traffic otherwise than desired (shares in percent
 * per load-balancer member).
 */
public record DriftDetected(String application, String environment, Map<String, Double> desired,
		Map<String, Double> observed, boolean corrected) {
}
