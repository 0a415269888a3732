package org.releasegate.traffic;

import java.util.Optional;
import java.util.UUID;

import org.releasegate.deployments.DeploymentSummary;

/** What other modules (releases, the checklist) may ask of and do with traffic. */
public interface TrafficControl {

	/**
	 * The deployment holding 100% of the desired split or, while traffic is split, the
	 * last one that held 100% and still runs.
	 */
	Optional<DeploymentSummary> stableDeployment(String application, String environment);

	Optional<Split> desiredSplit(String application, String environment);

	/**
	 * Changes the desired split in the caller's transaction (with its audit event); the
	 * load balancer is told after commit, and again by the reconciler until it agrees.
	 * @throws org.releasegate.common.NotFoundException when there is no router binding
	 * @throws IllegalStateException when a deployment given traffic does not run there
	 */
	void shift(String application, String environment, Split split, String reason);

	/**
	 * Sends 100% to the most recent deployment that held 100% and still runs. Called
	 * outside a transaction it returns once the load balancer confirmed or failed to.
	 * @throws IllegalStateException when no such deployment exists
	 */
	RolledBack rollback(String application, String environment, String reason);

	/** Whether the binding can read the load balancer's weights right now. */
	BindingCheck bindingCheck(String application, String environment);

	/**
	 * A rollback: to which deployment, and whether the load balancer already confirmed.
	 */
	record RolledBack(UUID deployment, String version, UUID change, boolean confirmed, String detail) {
	}

	/** Whether the load balancer could be read, and what was found or went wrong. */
	record BindingCheck(boolean readable, String detail) {
	}

}
