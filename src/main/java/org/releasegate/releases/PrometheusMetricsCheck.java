package org.releasegate.releases;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Answers the normal-behaviour item from the Prometheus gate of the application. */
@Component
class PrometheusMetricsCheck implements MetricsCheck {

	private final GateStore gates;

	private final GateEvaluator evaluator;

	PrometheusMetricsCheck(GateStore gates, GateEvaluator evaluator) {
		this.gates = gates;
		this.evaluator = evaluator;
	}

	@Override
	public Optional<GateVerdict> candidate(Release release) {
		return gates.find(release.application(), release.environment())
			.filter(g -> g.prometheus() != null)
			.map(g -> evaluator.evaluate(release,
					new HealthGates(null, g.prometheus(), false, g.failuresToRollBack())));
	}

}
