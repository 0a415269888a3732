package org.releasegate.releases;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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

	private final GateService service;

	GateController(GateService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(summary = "The health gates in force",
			description = "Where none were set, the default: the candidate's reported health, 3 failures in a row "
					+ "roll back.")
	HealthGates get(@PathVariable String name, @PathVariable String env) {
		return service.inForce(name, env);
	}

	@PutMapping
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Set the health gates of an application in an environment",
			description = "probe: {urlTemplate, expectedStatus, bodyContains}; prometheus: {url, query, threshold, "
					+ "comparison BELOW|AT_MOST|ABOVE|AT_LEAST}; reportedHealth: true (default) | false, audited; failuresToRollBack: 1..100, default 3")
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
					// reported health is on unless turned off explicitly
					!Boolean.FALSE.equals(reportedHealth), failuresToRollBack == null ? 3 : failuresToRollBack);
		}

	}

	record ProbeBody(String urlTemplate, Integer expectedStatus, String bodyContains) {
	}

	record PrometheusBody(String url, String query, BigDecimal threshold, HealthGates.Comparison comparison) {
	}

}
