package org.releasegate.releases;

/**
 * One evaluation of a release's health gates: whether all held, the evidence per gate,
 * and after how many failures in a row the release is rolled back.
 */
record GateVerdict(boolean configured, boolean passed, String evidence, int failuresToRollBack) {

	static GateVerdict none() {
		return new GateVerdict(false, true, "no health gates configured", Integer.MAX_VALUE);
	}

}
