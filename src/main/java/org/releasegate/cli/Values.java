package org.releasegate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Values checked before anything reaches the service: percents, durations and release
 * identifiers.
 */
final class Values {

	private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%?");

	private static final Pattern SHORT_DURATION = Pattern
		.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

	private Values() {
	}

	/** {@code 10%} or {@code 10}: a whole percent from 0 to 100. */
	static int percent(String text) {
		Matcher matcher = PERCENT.matcher(text.strip());
		int value = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
		if (value < 0 || value > 100) {
			throw new TypeConversionException(
					"'" + text + "' is not a percent: give a whole number from 0 to 100, e.g. 10%");
		}
		return value;
	}

	/**
	 * {@code 30m}, {@code 1h30m}, {@code 45s}, {@code 2d} or ISO-8601 such as
	 * {@code PT5M}.
	 */
	static Duration duration(String text) {
		String given = text.strip();
		if (given.toUpperCase().startsWith("P")) {
			try {
				Duration parsed = Duration.parse(given.toUpperCase());
				if (!parsed.isNegative()) {
					return parsed;
				}
			}
			catch (DateTimeParseException ex) {
				// said below
			}
		}
		else {
			Matcher matcher = SHORT_DURATION.matcher(given);
			if (!given.isEmpty() && matcher.matches()) {
				return Duration.ofDays(number(matcher.group(1)))
					.plusHours(number(matcher.group(2)))
					.plusMinutes(number(matcher.group(3)))
					.plusSeconds(number(matcher.group(4)))
					.plusMillis(number(matcher.group(5)));
			}
		}
		throw new TypeConversionException(
				"'" + text + "' is not a duration: write e.g. 500ms, 30s, 5m, 1h30m, 2d or PT5M (ISO-8601)");
	}

	/** A duration as the API takes it, e.g. {@code PT5M}. */
	static String iso(Duration duration) {
		return duration.toString();
	}

	static UUID releaseId(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new TypeConversionException("'" + text + "' is not a release id (a UUID such as "
					+ "3f2c8a0e-4b1d-4c6e-9a57-2d1f0b7e9c31; trafficctl release list shows them)");
		}
	}

	private static long number(String group) {
		return group == null ? 0 : Long.parseLong(group);
	}

	static final class PercentConverter implements ITypeConverter<Integer> {

		@Override
		public Integer convert(String value) {
			return percent(value);
		}

	}

	static final class DurationConverter implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			return duration(value);
		}

	}

	static final class ReleaseIdConverter implements ITypeConverter<UUID> {

		@Override
		public UUID convert(String value) {
			return releaseId(value);
		}

	}

}
