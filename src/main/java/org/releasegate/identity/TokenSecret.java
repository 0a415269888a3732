package org.releasegate.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of an API token: {@code rg_} and 43 random URL-safe characters (256 bits).
 */
record TokenSecret(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	static TokenSecret generate() {
		StringBuilder value = new StringBuilder("rg_");
		for (int i = 0; i < 43; i++) {
			value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new TokenSecret(value.toString());
	}

	String prefix() {
		return value.substring(0, Math.min(value.length(), 10));
	}

	String hash() {
		return hash(value);
	}

	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	@Override
	public String toString() {
		return prefix() + "...";
	}

}
