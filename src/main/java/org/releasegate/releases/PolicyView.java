package org.releasegate.releases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A release policy as the API shows it; {@code custom} is false while defaults apply. */
record PolicyView(String application, String environment, int requiredApprovals, int soakMinutes,
		List<WindowView> releaseWindows, List<FreezeView> freezes, List<CheckView> customChecks,
		String autoApproveAfter, boolean custom, String updatedBy, Instant updatedAt) {

	static PolicyView of(String application, String environment, PolicyRules rules, String updatedBy, Instant updatedAt,
			boolean custom) {
		return new PolicyView(application, environment, rules.requiredApprovals(), rules.soakMinutes(),
				rules.releaseWindows()
					.stream()
					.map(w -> new WindowView(new TreeSet<>(w.days()), w.from(), w.to(), w.zone().getId()))
					.toList(),
				rules.freezes().stream().map(f -> new FreezeView(f.from(), f.to(), f.reason())).toList(),
				rules.customChecks().stream().map(c -> new CheckView(c.key(), c.title())).toList(),
				rules.autoApproveAfter() == null ? null : rules.autoApproveAfter().toString(), custom, updatedBy,
				updatedAt);
	}

	record WindowView(Set<DayOfWeek> days, LocalTime from, LocalTime to, String zone) {
	}

	record FreezeView(Instant from, Instant to, String reason) {
	}

	record CheckView(String key, String title) {
	}

}
