package org.releasegate.deployments;

/** Whether a deployment still runs on the servers. */
public enum DeploymentState {

	RUNNING, RETIRED

}
