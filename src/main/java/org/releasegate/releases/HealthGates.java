package org.releasegate.releases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The health gates of an application in an environment. Any of the three may be absent;
 * all present ones must hold. {@code failuresToRollBack} evaluations failing in a row
 * roll the release back. Where nothing is configured, {@link #DEFAULT} guards: the
 * candidate's pushed health, three failures in a row roll back; a release manager may
 * turn reported health off explicitly (audited).
 *
 * @param probe an HTTP probe of the candidate
 * @param prometheus a Prometheus query about the candidate
 * @param reportedHealth whether the candidate's pushed health must not be DEGRADED or
 * FAILING
 */
record HealthGates(Probe probe, PrometheusQuery prometheus, boolean reportedHealth, int failuresToRollBack) {

	/** What guards a release where nobody configured gates. */
	static final HealthGates DEFAULT = new HealthGates(null, null, true, 3);

	HealthGates {
		if (failuresToRollBack < 1 || failuresToRollBack > 100) {
			throw new InvalidField("failuresToRollBack", "must lie within 1..100");
		}
	}

	boolean any() {
		return watchesTheNetwork() || reportedHealth;
	}

	/** Whether a gate calls out (probe, Prometheus), evaluated at the gate interval. */
	boolean watchesTheNetwork() {
		return probe != null || prometheus != null;
	}

	/** In words, what guards a release, for its page. */
	String describe() {
		List<String> gates = new ArrayList<>();
		if (reportedHealth) {
			gates.add("the candidate's reported health (a DEGRADED or FAILING report is counted at once)");
		}
		if (probe != null) {
			gates.add("an HTTP probe of " + probe.urlTemplate());
		}
		if (prometheus != null) {
			gates.add("the Prometheus query " + prometheus.query());
		}
		if (gates.isEmpty()) {
			return "No health gate guards this release: reported health was turned off.";
		}
		return "Guarded by " + String.join(", ", gates) + "; " + failuresToRollBack
				+ (failuresToRollBack == 1 ? " failure rolls" : " failures in a row roll") + " it back.";
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
