package org.releasegate.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.releasegate.deployments.DeploymentSummary;

/**
 * A traffic split as the split-bar fragment draws it: one segment per deployment that
 * receives traffic, the stable one first. The stable one is the one the traffic module
 * names (the last to hold 100%), or else the one with the largest share; the others are
 * candidates.
 */
public record Split(List<Segment> segments) {

	/** One deployment's share: its label, whole percent, and tone (stable, candidate). */
	public record Segment(String label, int percent, String tone) {
	}

	public static Split of(List<DeploymentSummary> running) {
		return of(running, null);
	}

	/** With the stable deployment known (null if not). */
	public static Split of(List<DeploymentSummary> running, UUID stable) {
		List<DeploymentSummary> serving = running.stream()
			.filter(d -> d.trafficPercent() > 0)
			.sorted(Comparator.comparing((DeploymentSummary d) -> !d.id().equals(stable))
				.thenComparing(Comparator.comparingInt(DeploymentSummary::trafficPercent).reversed()))
			.toList();
		List<Segment> segments = new java.util.ArrayList<>();
		for (int i = 0; i < serving.size(); i++) {
			DeploymentSummary d = serving.get(i);
			segments.add(new Segment(d.version(), d.trafficPercent(), i == 0 ? "stable" : "candidate"));
		}
		return new Split(List.copyOf(segments));
	}

	public boolean isEmpty() {
		return segments.isEmpty();
	}

	/** Read out by screen readers instead of the bar. */
	public String description() {
		if (segments.isEmpty()) {
			return "No deployment receives traffic yet";
		}
		return String.join(", ", segments.stream().map(s -> s.label() + " " + s.percent() + "%").toList());
	}

}
