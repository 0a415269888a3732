package org.releasegate.identity;

import java.util.function.Predicate;

/**
 * The firewall's rule for header names and values and parameter names, as Spring
 * Security's default (no ISO control characters, no unassigned code points) but without a
 * regular expression: it runs for every header read on every request, and the regex was a
 * measurable share of a request's CPU time.
 */
final class HeaderCharacters implements Predicate<String> {

	static final HeaderCharacters ALLOWED = new HeaderCharacters();

	private HeaderCharacters() {
	}

	@Override
	public boolean test(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length();) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.CONTROL || type == Character.UNASSIGNED) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
