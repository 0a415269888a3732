package org.releasegate.deployments;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.releasegate.common.Slice;

/** What other modules may ask about deployments. */
public interface DeploymentCatalog {

	Optional<DeploymentSummary> find(UUID id);

	Optional<DeploymentSummary> find(String application, String environment, String version);

	/**
	 * Every deployment of the application in the environment that still runs, newest
	 * first.
	 */
	List<DeploymentSummary> running(String application, String environment);

	/**
	 * One page of the application's deployments (in one environment, or all when it is
	 * null), newest first, after the cursor.
	 */
	Slice<DeploymentSummary> history(String application, String environment, String cursor, int limit);

	/** The environments the application has deployments in, by name. */
	List<String> environments(String application);

	/**
	 * Every environment of the given applications with the deployments that still run
	 * there (newest first, possibly none), by application and environment name. One
	 * query, whatever the number of applications.
	 */
	List<EnvironmentDeployments> runningIn(Collection<String> applications);

	/** An environment of an application and the deployments that run there. */
	record EnvironmentDeployments(String application, String environment, List<DeploymentSummary> running) {
	}

}
