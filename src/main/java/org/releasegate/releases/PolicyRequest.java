package org.releasegate.releases;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.constraints.Size;

/**
 * {@code PUT .../policy}: every absent value takes its default (1 approval, 5 minutes of
 * soak, no windows, no freezes, no custom checks, no policy approval).
 */
record PolicyRequest(Integer requiredApprovals, Integer soakMinutes, @Size(max = 50) List<WindowBody> releaseWindows,
		@Size(max = 100) List<FreezeBody> freezes, @Size(max = 30) List<CheckBody> customChecks,
		Duration autoApproveAfter) {

	/** Days (e.g. "MONDAY"), local times "09:00" and "17:00", zone "Europe/Berlin". */
	record WindowBody(Set<DayOfWeek> days, LocalTime from, LocalTime to, String zone) {
	}

	/** Timestamps with offsets, e.g. "2026-11-27T00:00:00+01:00". */
	record FreezeBody(OffsetDateTime from, OffsetDateTime to, String reason) {
	}

	record CheckBody(String key, String title) {
	}

	PolicyRules toRules() {
		List<ReleaseWindow> windows = each("releaseWindows", releaseWindows, w -> {
			ZoneId zoneId;
			try {
				zoneId = w.zone() == null ? null : ZoneId.of(w.zone());
			}
			catch (DateTimeException ex) {
				throw new InvalidField("zone", "not a time zone: " + w.zone());
			}
			return new ReleaseWindow(w.days(), w.from(), w.to(), zoneId);
		});
		List<Freeze> frozen = each("freezes", freezes,
				f -> new Freeze(ReleaseRequests.instant(f.from()), ReleaseRequests.instant(f.to()), f.reason()));
		List<CustomCheck> checks = each("customChecks", customChecks, c -> new CustomCheck(c.key(), c.title()));
		PolicyRules defaults = PolicyRules.DEFAULTS;
		return new PolicyRules(requiredApprovals != null ? requiredApprovals : defaults.requiredApprovals(),
				soakMinutes != null ? soakMinutes : defaults.soakMinutes(), windows, frozen, checks, autoApproveAfter);
	}

	private static <B, T> List<T> each(String field, List<B> bodies, Function<B, T> mapper) {
		List<T> mapped = new ArrayList<>();
		if (bodies == null) {
			return mapped;
		}
		for (int i = 0; i < bodies.size(); i++) {
			if (bodies.get(i) == null) {
				throw new InvalidField(field + "[" + i + "]", "must not be null");
			}
			try {
				mapped.add(mapper.apply(bodies.get(i)));
			}
			catch (InvalidField invalid) {
				throw invalid.within(field + "[" + i + "]");
			}
		}
		return mapped;
	}

}
