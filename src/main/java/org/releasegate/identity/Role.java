package org.releasegate.identity;

/** What a person or token may do. */
public enum Role {

	/** Records deployments, requests releases, rolls back. */
	ENGINEER,
	/** Approves or rejects releases of the applications they own. */
	PRODUCT_OWNER,
	/** Configures applications, load balancers and policies; overrides and waives. */
	RELEASE_MANAGER,
	/** Reads and exports the history. */
	AUDITOR,
	/** Manages people and their roles. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
