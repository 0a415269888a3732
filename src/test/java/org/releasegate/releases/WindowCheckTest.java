package org.releasegate.releases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.releasegate.releases.ChecklistItem.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows are wall-clock hours in their own zone: the same UTC instant falls inside or
 * outside depending on daylight saving, in Berlin (switches 2026-03-29 and 2026-10-25)
 * and New York (2026-03-08 and 2026-11-01).
 */
class WindowCheckTest {

	static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	static ReleaseWindow office(String zone) {
		return new ReleaseWindow(WORKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of(zone));
	}

	@ParameterizedTest(name = "{0} in {1}: {2}")
	@CsvSource({
			// Berlin, winter time (UTC+1) before 2026-03-29
			"2026-03-27T08:30:00Z, Europe/Berlin, true", "2026-03-27T07:30:00Z, Europe/Berlin, false",
			"2026-03-27T15:30:00Z, Europe/Berlin, true",
			// Berlin, summer time (UTC+2): the same UTC hours move by one
			"2026-03-30T07:30:00Z, Europe/Berlin, true", "2026-03-30T15:30:00Z, Europe/Berlin, false",
			// Berlin, back to winter time after 2026-10-25
			"2026-10-23T15:30:00Z, Europe/Berlin, false", "2026-10-26T15:30:00Z, Europe/Berlin, true",
			// New York, EST (UTC-5) before 2026-03-08, EDT (UTC-4) after
			"2026-03-06T13:30:00Z, America/New_York, false", "2026-03-10T13:30:00Z, America/New_York, true",
			"2026-03-06T21:30:00Z, America/New_York, true", "2026-03-10T21:30:00Z, America/New_York, false",
			// New York, back to EST after 2026-11-01
			"2026-10-30T13:30:00Z, America/New_York, true", "2026-11-02T13:30:00Z, America/New_York, false",
			"2026-11-02T14:30:00Z, America/New_York, true",
			// weekends are outside, whatever the hour
			"2026-03-28T10:00:00Z, Europe/Berlin, false", "2026-03-08T15:00:00Z, America/New_York, false" })
	void officeHoursFollowTheLocalClock(Instant at, String zone, boolean inside) {
		assertThat(office(zone).contains(at)).isEqualTo(inside);
	}

	@Test
	void betweenTheTwoSwitchesBerlinAndNewYorkAreFiveHoursApart() {
		// Monday 2026-03-16: New York already on EDT, Berlin still on CET
		Instant at = Instant.parse("2026-03-16T13:30:00Z");
		assertThat(office("Europe/Berlin").contains(at)).isTrue(); // 14:30 CET
		assertThat(office("America/New_York").contains(at)).isTrue(); // 09:30 EDT
		Instant earlier = Instant.parse("2026-03-16T12:30:00Z");
		assertThat(office("America/New_York").contains(earlier)).isFalse(); // 08:30 EDT
	}

	@Test
	void anOvernightWindowBelongsToTheDayItStartsOnAcrossTheAutumnSwitch() {
		ReleaseWindow saturdayNight = new ReleaseWindow(Set.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0),
				LocalTime.of(2, 0), ZoneId.of("Europe/Berlin"));
		assertThat(saturdayNight.contains(Instant.parse("2026-10-24T20:30:00Z"))).isTrue(); // Sat
																							// 22:30
																							// CEST
		assertThat(saturdayNight.contains(Instant.parse("2026-10-24T23:30:00Z"))).isTrue(); // Sun
																							// 01:30
																							// CEST
		// 02:30 happens twice that night; neither is inside a window ending at 02:00
		assertThat(saturdayNight.contains(Instant.parse("2026-10-25T00:30:00Z"))).isFalse(); // 02:30
																								// CEST
		assertThat(saturdayNight.contains(Instant.parse("2026-10-25T01:30:00Z"))).isFalse(); // 02:30
																								// CET
		assertThat(saturdayNight.contains(Instant.parse("2026-10-25T20:30:00Z"))).isFalse(); // Sun
																								// 21:30
																								// CET
	}

	@Test
	void aWindowInsideTheSpringGapNeverOpens() {
		ReleaseWindow gap = new ReleaseWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), LocalTime.of(3, 0),
				ZoneId.of("Europe/Berlin"));
		for (Instant at = Instant.parse("2026-03-28T23:00:00Z"); at
			.isBefore(Instant.parse("2026-03-29T22:00:00Z")); at = at.plus(Duration.ofMinutes(1))) {
			assertThat(gap.contains(at)).as("%s", at).isFalse();
		}
		// a week later the hour exists again
		assertThat(gap.contains(Instant.parse("2026-04-05T00:30:00Z"))).isTrue(); // 02:30
																					// CEST
	}

	@Test
	void aFreezeWinsOverAnyWindowAndIsNamed() {
		Freeze blackFriday = new Freeze(OffsetDateTime.parse("2026-11-27T00:00:00+01:00").toInstant(),
				OffsetDateTime.parse("2026-11-28T00:00:00+01:00").toInstant(), "Black Friday");
		WindowCheck.Outcome outcome = WindowCheck.evaluate(Instant.parse("2026-11-27T15:30:00Z"), true,
				List.of(office("Europe/Berlin")), List.of(blackFriday));
		assertThat(outcome.status()).isEqualTo(Status.FAILED);
		assertThat(outcome.evidence())
			.startsWith("scheduled Fri 2026-11-27 16:30 Europe/Berlin is inside freeze 'Black Friday'");
		// the freeze ends at midnight Berlin time, which is 23:00 UTC
		assertThat(WindowCheck.evaluate(Instant.parse("2026-11-27T23:00:00Z"), true, List.of(), List.of(blackFriday))
			.status()).isEqualTo(Status.PASSED);
		assertThat(WindowCheck.evaluate(Instant.parse("2026-11-27T22:59:59Z"), true, List.of(), List.of(blackFriday))
			.status()).isEqualTo(Status.FAILED);
	}

	@Test
	void evidenceSaysInsideOrOutsideWhichWindow() {
		WindowCheck.Outcome inside = WindowCheck.evaluate(Instant.parse("2026-03-30T07:30:00Z"), true,
				List.of(office("Europe/Berlin")), List.of());
		assertThat(inside.status()).isEqualTo(Status.PASSED);
		assertThat(inside.evidence()).isEqualTo(
				"scheduled Mon 2026-03-30 09:30 Europe/Berlin is inside release window Mon,Tue,Wed,Thu,Fri 09:00-17:00 Europe/Berlin");
		WindowCheck.Outcome outside = WindowCheck.evaluate(Instant.parse("2026-03-30T15:30:00Z"), false,
				List.of(office("Europe/Berlin")), List.of());
		assertThat(outside.status()).isEqualTo(Status.FAILED);
		assertThat(outside.evidence()).startsWith("now (unscheduled) Mon 2026-03-30 17:30 Europe/Berlin is outside");
		assertThat(WindowCheck.evaluate(Instant.parse("2026-03-30T15:30:00Z"), false, List.of(), List.of()).status())
			.isEqualTo(Status.PASSED);
	}

}
