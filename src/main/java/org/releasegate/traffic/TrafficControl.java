package org.releasegate.traffic;

import java.time.Instant;
import java.util.List;
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
	 * The router binding as last seen by the reconciler, without asking the load
	 * balancer; empty when the application has no binding in the environment.
	 */
	Optional<BindingState> bindingState(String application, String environment);

	/**
	 * The desired splits decided from {@code from} until {@code to}, oldest first,
	 * starting with the one in force at {@code from} (at most 500).
	 */
	List<SplitChange> splitHistory(String application, String environment, Instant from, Instant to);

	/**
	 * A rollback: to which deployment, and whether the load balancer already confirmed.
	 */
	record RolledBack(UUID deployment, String version, UUID change, boolean confirmed, String detail) {
	}

	/** Whether the load balancer could be read, and what was found or went wrong. */
	record BindingCheck(boolean readable, String detail) {
	}

	/**
	 * A router binding's state: whether the load balancer last reported the desired
	 * split, whether a change is still being pushed, and what went wrong.
	 *
	 * @param applying a change is still waiting to be confirmed by the load balancer
	 * @param lastError why the load balancer could not be read or changed, if so
	 * @param driftSince when the load balancer started to differ, while it does
	 */
	record BindingState(String adapter, boolean inSync, boolean applying, Instant observedAt, Instant lastAppliedAt,
			String lastError, Instant driftSince) {

		/** The one word a page shows for it. */
		public Sync sync() {
			if (lastError != null) {
				return Sync.FAILING;
			}
			if (applying) {
				return Sync.APPLYING;
			}
			if (driftSince != null) {
				return Sync.DRIFTED;
			}
			return inSync ? Sync.IN_SYNC : Sync.UNCONFIRMED;
		}

	}

	/** How a load balancer stands against the desired split. */
	enum Sync {

		/** it reports the desired split */
		IN_SYNC,
		/** a change is being pushed */
		APPLYING,
		/** it reports something else (changed by hand, restarted) */
		DRIFTED,
		/** it could not be read or changed */
		FAILING,
		/** it has not been read since the last change */
		UNCONFIRMED

	}

	/** A desired split as decided: when, by whom and why. */
	record SplitChange(Instant at, Split split, String actor, String reason) {
	}

}
