package org.releasegate.egress;

import java.util.regex.Pattern;

/**
 * Hides credentials written into URLs ({@code https://user:secret@host/...}) wherever a
 * URL is shown or logged.
 */
public final class Masking {

	private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]*@");

	private Masking() {
	}

	/** The text with the user-info part of every URL in it replaced by {@code ******}. */
	public static String urlCredentials(String text) {
		return text == null ? null : USER_INFO.matcher(text).replaceAll("$1******@");
	}

}
