package org.releasegate.deployments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask about deployments. */
public interface DeploymentCatalog {

	Optional<DeploymentSummary> find(UUID id);

	Optional<DeploymentSummary> find(String application, String environment, String version);

	/**
	 * Every deployment of the application in the environment that still runs, newest
	 * first.
	 */
	List<DeploymentSummary> running(String application, String environment);

	/** The environments the application has deployments in, by name. */
	List<String> environments(String application);

}
