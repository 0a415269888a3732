package org.releasegate.releases;

import java.util.Optional;

import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.TrafficControl;
import org.springframework.stereotype.Component;

/** The stable deployment and the binding check as the traffic module knows them. */
@Component
class TrafficStableDeployments implements StableDeployments {

	private final TrafficControl traffic;

	TrafficStableDeployments(TrafficControl traffic) {
		this.traffic = traffic;
	}

	@Override
	public Optional<DeploymentSummary> stable(String application, String environment) {
		return traffic.stableDeployment(application, environment);
	}

	@Override
	public BindingCheck binding(String application, String environment) {
		TrafficControl.BindingCheck check = traffic.bindingCheck(application, environment);
		if (check.readable()) {
			return new BindingCheck(BindingCheck.State.WORKS, "router binding: " + check.detail());
		}
		if (check.detail() != null && check.detail().startsWith("no router binding")) {
			return new BindingCheck(BindingCheck.State.NOT_CONFIGURED, "router binding: " + check.detail());
		}
		return new BindingCheck(BindingCheck.State.FAILS, "router binding: " + check.detail());
	}

}
