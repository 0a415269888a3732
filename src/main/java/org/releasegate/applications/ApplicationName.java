package org.releasegate.applications;

import java.util.regex.Pattern;

/** The name of an application: a lowercase DNS label, as in {@code checkout}. */
public record ApplicationName(String value) {

	public static final String PATTERN = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	public ApplicationName {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("application name must be a lowercase DNS label (a-z, 0-9, '-', "
					+ "at most 63 characters, not starting or ending with '-'): " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
