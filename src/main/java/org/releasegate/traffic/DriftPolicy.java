package org.releasegate.traffic;

/** What the reconciler does when the load balancer differs from the desired split. */
enum DriftPolicy {

	/** push the desired split again */
	CORRECT,
	/** record and show the drift, change nothing */
	REPORT

}
