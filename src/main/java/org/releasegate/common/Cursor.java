package org.releasegate.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position in a newest-first listing: the time and the identifier of the last item seen.
 * Encoded as opaque URL-safe text so clients treat it as a token.
 */
public record Cursor(Instant at, String id) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public String encode() {
		String raw = at.toEpochMilli() + ":" + at.getNano() + ":" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a cursor from a request, or returns {@code null} for none. */
	public static Cursor decode(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			String[] parts = raw.split(":", 3);
			Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
			at = at.plusNanos(Integer.parseInt(parts[1]) - at.getNano());
			return new Cursor(at, parts[2]);
		}
		catch (RuntimeException ex) {
			throw new InvalidCursorException();
		}
	}

	/**
	 * Clamps a requested page size to 1..{@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT}
	 * when absent.
	 */
	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return requested;
	}

	/** The cursor text cannot be read: 400. */
	public static class InvalidCursorException extends IllegalArgumentException {

		InvalidCursorException() {
			super("cursor is not one this service issued");
		}

	}

}
