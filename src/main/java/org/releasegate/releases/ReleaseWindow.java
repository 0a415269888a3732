package org.releasegate.releases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Days and local hours, in a time zone, in which releases may start. Evaluated on the
 * wall clock of that zone, so a window "09:00-17:00 Europe/Berlin" follows daylight
 * saving. A window whose end is not after its start runs past midnight into the next day.
 */
record ReleaseWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, ZoneId zone) {

	ReleaseWindow {
		if (days == null || days.isEmpty()) {
			throw new InvalidField("days", "name at least one day, e.g. [\"MONDAY\", \"FRIDAY\"]");
		}
		if (from == null || to == null) {
			throw new InvalidField(from == null ? "from" : "to", "a local time such as 09:00 is required");
		}
		if (zone == null) {
			throw new InvalidField("zone", "a time zone such as Europe/Berlin is required");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	boolean contains(Instant instant) {
		ZonedDateTime local = instant.atZone(zone);
		LocalTime time = local.toLocalTime();
		DayOfWeek day = local.getDayOfWeek();
		if (from.isBefore(to)) {
			return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
		}
		// overnight: the evening belongs to its own day, the small hours to the day
		// before
		return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
	}

	String describe() {
		String names = EnumSet.copyOf(days)
			.stream()
			.map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
			.collect(Collectors.joining(","));
		return names + " " + from + "-" + to + " " + zone;
	}

}
