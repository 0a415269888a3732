package org.releasegate.releases;

import java.util.UUID;

import org.releasegate.deployments.DeploymentHealthReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The candidate's pushed health is a gate of every running release: a DEGRADED or FAILING
 * report is counted as soon as it is recorded, not at the conductor's next gate
 * evaluation, so that a failing candidate loses its traffic within a second of saying so.
 */
@Component
class ReportedHealthGate {

	private final Releases releases;

	private final ReleaseExecution execution;

	ReportedHealthGate(Releases releases, ReleaseExecution execution) {
		this.releases = releases;
		this.execution = execution;
	}

	@ApplicationModuleListener
	void on(DeploymentHealthReported report) {
		if (GateEvaluator.holds(report.health())) {
			return;
		}
		for (UUID id : releases.findGatedWithCandidate(report.deploymentId())) {
			execution.countFailedReport(id, report.health(), report.detail());
		}
	}

}
