package org.releasegate.deployments;

/**
 * Records a new deployment in one statement, for the busiest write of the service (CI
 * pipelines record every deployment).
 */
interface DeploymentInserts {

	/**
	 * Inserts the new deployment unless its version is already recorded for its
	 * application and environment, or the application does not exist.
	 * @return whether the row was inserted
	 */
	boolean insertIfAbsent(Deployment deployment);

}
