package org.releasegate.releases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The release-window item: the scheduled start (or now, when unscheduled) must lie
 * outside every freeze and, if the policy names windows, inside one of them.
 */
final class WindowCheck {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

	private WindowCheck() {
	}

	record Outcome(ChecklistItem.Status status, String evidence) {
	}

	static Outcome evaluate(Instant at, boolean scheduled, List<ReleaseWindow> windows, List<Freeze> freezes) {
		ZoneId shownIn = windows.isEmpty() ? ZoneId.of("UTC") : windows.get(0).zone();
		String prefix = scheduled ? "scheduled " : "now (unscheduled) ";
		String when = prefix + describe(at, shownIn);
		Optional<Freeze> freeze = freezes.stream().filter(f -> f.covers(at)).findFirst();
		if (freeze.isPresent()) {
			Freeze f = freeze.get();
			return new Outcome(ChecklistItem.Status.FAILED, when + " is inside freeze '" + f.reason() + "' ("
					+ describe(f.from(), shownIn) + " to " + describe(f.to(), shownIn) + ")");
		}
		if (windows.isEmpty()) {
			return new Outcome(ChecklistItem.Status.PASSED, when + ": no release window restriction, no freeze");
		}
		Optional<ReleaseWindow> inside = windows.stream().filter(w -> w.contains(at)).findFirst();
		if (inside.isPresent()) {
			ReleaseWindow w = inside.get();
			return new Outcome(ChecklistItem.Status.PASSED,
					prefix + describe(at, w.zone()) + " is inside release window " + w.describe());
		}
		return new Outcome(ChecklistItem.Status.FAILED, when + " is outside every release window ("
				+ String.join("; ", windows.stream().map(ReleaseWindow::describe).toList()) + ")");
	}

	static String describe(Instant at, ZoneId zone) {
		return WHEN.format(at.atZone(zone)) + " " + zone.getId();
	}

}
