package org.releasegate.demo;

import java.security.SecureRandom;

/** Passwords of the sample people: random, so that a demo left running is not open. */
final class DemoPasswords {

	private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private DemoPasswords() {
	}

	static String random() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
