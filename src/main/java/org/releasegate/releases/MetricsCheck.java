package org.releasegate.releases;

import java.util.Optional;

/**
 * The normal-behaviour item's metrics: the application's Prometheus gate evaluated for
 * the candidate now, or empty when the application has none.
 */
interface MetricsCheck {

	Optional<GateVerdict> candidate(Release release);

}
