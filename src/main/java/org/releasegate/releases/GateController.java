package org.releasegate.releases;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.releasegate.common.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications/{name}/environments/{env}/gates")
@Tag(name = "Health gates", description = "What must hold for a canary to go on; failing gates roll it back")
class GateController {

	private final GateStore gates;

	private final GateService service;

	GateController(GateStore gates, GateService service) {
		this.gates = gates;
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "The health gates of an application in an environment")
	HealthGates get(@PathVariable String name, @PathVariable String env) {
		return gates.find(name, env)
			.orElseThrow(() -> new NotFoundException("no health gates for " + name + " in " + env));
	}

	@PutMapping
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Set the health gates of an application in an environment",
			description = "probe: {urlTemplate, expectedStatus, bodyContains}; prometheus: {url, query, threshold, "
					+ "comparison BELOW|AT_MOST|ABOVE|AT_LEAST}; reportedHealth: true|false; failuresToRollBack: N")
	HealthGates put(@PathVariable String name, @PathVariable String env, @RequestBody GatesBody body) {
		return service.configure(name, env, body.toGates());
	}

	/** The gates as sent; validated when mapped. */
	record GatesBody(ProbeBody probe, PrometheusBody prometheus, Boolean reportedHealth, Integer failuresToRollBack) {

		HealthGates toGates() {
			return new HealthGates(
					probe == null ? null : new HealthGates.Probe(probe.urlTemplate(),
							probe.expectedStatus() == null ? 200 : probe.expectedStatus(), probe.bodyContains()),
					prometheus == null ? null
							: new HealthGates.PrometheusQuery(prometheus.url(), prometheus.query(),
									prometheus.threshold(), prometheus.comparison()),
					Boolean.TRUE.equals(reportedHealth), failuresToRollBack == null ? 3 : failuresToRollBack);
		}

	}

	record ProbeBody(String urlTemplate, Integer expectedStatus, String bodyContains) {
	}

	record PrometheusBody(String url, String query, BigDecimal threshold, HealthGates.Comparison comparison) {
	}

}
