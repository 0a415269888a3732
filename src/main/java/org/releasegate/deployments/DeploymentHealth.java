package org.releasegate.deployments;

/** The last known health of a deployment. */
public enum DeploymentHealth {

	UNKNOWN, HEALTHY, DEGRADED, FAILING

}
