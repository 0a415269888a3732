package org.releasegate.releases;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The policy form of the application page: numbers as typed, and windows, freezes and
 * custom checks one per line, written as {@link ReleaseCatalog.PolicySummary} shows them,
 * so what is shown can be edited as it stands.
 */
record PolicyForm(String requiredApprovals, String soakMinutes, String autoApproveAfter, String releaseWindows,
		String freezes, String customChecks) {

	static PolicyForm of(ReleaseCatalog.PolicySummary policy) {
		return new PolicyForm(String.valueOf(policy.requiredApprovals()), String.valueOf(policy.soakMinutes()),
				policy.autoApproveAfter() == null ? "" : policy.autoApproveAfter(),
				String.join("\n", policy.releaseWindows()), String.join("\n", policy.freezes()),
				String.join("\n", policy.customChecks()));
	}

	PolicyRequest toRequest() {
		return new PolicyRequest(number("requiredApprovals", requiredApprovals), number("soakMinutes", soakMinutes),
				lines("releaseWindows", releaseWindows, PolicyForm::window),
				lines("freezes", freezes, PolicyForm::freeze), lines("customChecks", customChecks, PolicyForm::check),
				duration(autoApproveAfter));
	}

	/** "Mon,Tue,Wed 09:00-17:00 Europe/Berlin". */
	private static PolicyRequest.WindowBody window(String line) {
		String[] parts = line.split("\\s+");
		if (parts.length != 3 || !parts[1].contains("-")) {
			throw new InvalidField("releaseWindows",
					"write days, hours and zone, e.g. Mon,Tue 09:00-17:00 Europe/Berlin");
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String day : parts[0].split(",")) {
			days.add(day(day));
		}
		String[] hours = parts[1].split("-");
		try {
			return new PolicyRequest.WindowBody(days, LocalTime.parse(hours[0]), LocalTime.parse(hours[1]), parts[2]);
		}
		catch (DateTimeException | ArrayIndexOutOfBoundsException ex) {
			throw new InvalidField("releaseWindows", "hours as 09:00-17:00, not " + parts[1]);
		}
	}

	private static DayOfWeek day(String name) {
		String wanted = name.trim().toUpperCase(java.util.Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (wanted.length() >= 3 && day.name().startsWith(wanted)) {
				return day;
			}
		}
		throw new InvalidField("releaseWindows", "not a day: " + name);
	}

	/** "2026-11-27T00:00:00Z 2026-11-30T00:00:00Z Black Friday". */
	private static PolicyRequest.FreezeBody freeze(String line) {
		String[] parts = line.split("\\s+", 3);
		if (parts.length != 3) {
			throw new InvalidField("freezes",
					"write from, to and reason, e.g. 2026-11-27T00:00Z 2026-11-30T00:00Z Black Friday");
		}
		try {
			return new PolicyRequest.FreezeBody(OffsetDateTime.parse(parts[0]), OffsetDateTime.parse(parts[1]),
					parts[2]);
		}
		catch (DateTimeException ex) {
			throw new InvalidField("freezes", "times with offset such as 2026-11-27T00:00+01:00");
		}
	}

	/** "smoke-tests Smoke tests passed on staging". */
	private static PolicyRequest.CheckBody check(String line) {
		String[] parts = line.split("\\s+", 2);
		return new PolicyRequest.CheckBody(parts[0], parts.length > 1 ? parts[1] : null);
	}

	private static <T> List<T> lines(String field, String text, Function<String, T> parse) {
		List<T> parsed = new ArrayList<>();
		if (text == null) {
			return parsed;
		}
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			try {
				parsed.add(parse.apply(lines[i].trim()));
			}
			catch (InvalidField invalid) {
				throw new InvalidField(field, "line " + (i + 1) + ": " + invalid.reason());
			}
		}
		return parsed;
	}

	private static Integer number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidField(field, "a whole number, not " + text);
		}
	}

	private static Duration duration(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Duration.parse(text.trim());
		}
		catch (DateTimeException ex) {
			throw new InvalidField("autoApproveAfter", "an ISO-8601 duration such as PT2H, or empty");
		}
	}

}
