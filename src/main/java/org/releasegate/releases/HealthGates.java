package org.releasegate.releases;

import java.math.BigDecimal;

/**
 * The health gates of an application in an environment. Any of the three may be absent;
 * all present ones must hold. {@code failuresToRollBack} evaluations failing in a row
 * roll the release back.
 *
 * @param probe an HTTP probe of the candidate
 * @param prometheus a Prometheus query about the candidate
 * @param reportedHealth whether the candidate's pushed health must not be DEGRADED or
 * FAILING
 */
record HealthGates(Probe probe, PrometheusQuery prometheus, boolean reportedHealth, int failuresToRollBack) {

	HealthGates {
		if (failuresToRollBack < 1 || failuresToRollBack > 100) {
			throw new InvalidField("failuresToRollBack", "must lie within 1..100");
		}
	}

	boolean any() {
		return probe != null || prometheus != null || reportedHealth;
	}

	/**
	 * {@code urlTemplate} may name {@code {version}} and {@code {endpoint}} of the
	 * candidate.
	 */
	record Probe(String urlTemplate, int expectedStatus, String bodyContains) {

		Probe {
			if (urlTemplate == null || !urlTemplate.matches("https?://\\S+")) {
				throw new InvalidField("probe.urlTemplate", "must be an http(s) URL");
			}
			if (expectedStatus == 0) {
				expectedStatus = 200;
			}
			if (expectedStatus < 100 || expectedStatus > 599) {
				throw new InvalidField("probe.expectedStatus", "must be an HTTP status");
			}
		}

	}

	/**
	 * An instant query sent to {@code url/api/v1/query}; {@code {version}} in the query
	 * is the candidate's version. The gate holds when the first sample compares as asked
	 * with the threshold.
	 */
	record PrometheusQuery(String url, String query, BigDecimal threshold, Comparison comparison) {

		PrometheusQuery {
			if (url == null || !url.matches("https?://\\S+")) {
				throw new InvalidField("prometheus.url", "must be an http(s) URL");
			}
			if (query == null || query.isBlank()) {
				throw new InvalidField("prometheus.query", "must be a PromQL expression");
			}
			if (threshold == null) {
				throw new InvalidField("prometheus.threshold", "must be a number");
			}
			if (comparison == null) {
				comparison = Comparison.BELOW;
			}
		}

		boolean holds(double value) {
			int compared = BigDecimal.valueOf(value).compareTo(threshold);
			return switch (comparison) {
				case BELOW -> compared < 0;
				case AT_MOST -> compared <= 0;
				case ABOVE -> compared > 0;
				case AT_LEAST -> compared >= 0;
			};
		}

	}

	enum Comparison {

		BELOW, AT_MOST, ABOVE, AT_LEAST

	}

}
