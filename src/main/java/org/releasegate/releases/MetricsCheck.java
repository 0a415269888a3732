package org.releasegate.releases;

import java.util.Optional;

/**
 * The normal-behaviour item's metrics: the application's Prometheus gate for the
 * candidate as last read, or empty when the application has none.
 */
interface MetricsCheck {

	Optional<Measured> candidate(Release release);

	/** The item's state from the metrics, with the evidence in words. */
	record Measured(ChecklistItem.Status status, String evidence) {
	}

}
