package org.releasegate.releases;

import java.util.Optional;

import org.releasegate.deployments.DeploymentSummary;

/**
 * What the releases module needs to know about traffic: which deployment is stable, and
 * whether the router binding can be read right now. {@link TrafficStableDeployments}
 * answers it from the traffic module; unit tests give a fake.
 */
interface StableDeployments {

	/** The deployment holding 100% of the desired split, if any ever did. */
	Optional<DeploymentSummary> stable(String application, String environment);

	/**
	 * Whether the router binding of the application in the environment read the load
	 * balancer's weights lately, as the reconciler recorded it (no call to the load
	 * balancer).
	 */
	BindingCheck binding(String application, String environment);

	/** The outcome of checking a router binding. */
	record BindingCheck(State state, String detail) {

		enum State {

			WORKS, STALE, NOT_CONFIGURED, FAILS

		}

		static BindingCheck notConfigured() {
			return new BindingCheck(State.NOT_CONFIGURED, "router binding: not configured yet");
		}

	}

}
