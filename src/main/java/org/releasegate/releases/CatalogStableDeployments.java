package org.releasegate.releases;

import java.util.Optional;

import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.springframework.stereotype.Component;

/**
 * Reads the stable deployment from the deployments' traffic read model: the running one
 * holding 100%. Knows no router bindings.
 */
@Component
class CatalogStableDeployments implements StableDeployments {

	private final DeploymentCatalog deployments;

	CatalogStableDeployments(DeploymentCatalog deployments) {
		this.deployments = deployments;
	}

	@Override
	public Optional<DeploymentSummary> stable(String application, String environment) {
		return deployments.running(application, environment)
			.stream()
			.filter(d -> d.trafficPercent() == 100)
			.findFirst();
	}

	@Override
	public BindingCheck binding(String application, String environment) {
		return BindingCheck.notConfigured();
	}

}
