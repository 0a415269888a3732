package org.releasegate.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets the service must store in its database (AES-256-GCM, a fresh 96-bit
 * nonce per value, the column or purpose as associated data so a value cannot be moved to
 * another field), with the key from {@code RELEASEGATE_SECRETS_KEY}, which never goes
 * into the database. Sealed values look like {@code v1:<base64 of nonce and ciphertext>}.
 * Without a key, sealing refuses (a secret is never stored in plain text) and opening an
 * existing value fails with a sentence saying the key is missing.
 */
@Component
public class SecretBox {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public SecretBox(Settings settings) {
		this.key = settings.key() == null || settings.key().isBlank() ? null : derive(settings.key());
	}

	/**
	 * @param key {@code RELEASEGATE_SECRETS_KEY}: 32 or more characters (e.g.
	 * {@code openssl rand -base64 32}); the AES key is its SHA-256
	 */
	@ConfigurationProperties("releasegate.secrets")
	public record Settings(String key) {

		public Settings {
			if (key != null && !key.isBlank() && key.length() < 32) {
				throw new IllegalArgumentException(
						"releasegate.secrets.key (RELEASEGATE_SECRETS_KEY) must have at least 32 characters");
			}
		}

	}

	public boolean hasKey() {
		return key != null;
	}

	public static boolean isSealed(String value) {
		return value != null && value.startsWith(PREFIX);
	}

	/**
	 * The secret encrypted for storage in {@code purpose}, e.g. {@code "binding.secret"}.
	 */
	public String seal(String purpose, String secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, purpose);
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/** The secret sealed by {@link #seal} for the same purpose. */
	public String open(String purpose, String sealed) {
		if (!isSealed(sealed)) {
			throw new IllegalArgumentException("not a sealed secret");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("a stored secret is damaged");
		}
		if (bytes.length <= NONCE_BYTES) {
			throw new IllegalStateException("a stored secret is damaged");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), purpose);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalStateException(
					"a stored secret cannot be opened: it was sealed with another RELEASEGATE_SECRETS_KEY or changed");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
		if (key == null) {
			throw new IllegalStateException(
					"RELEASEGATE_SECRETS_KEY is not set: secrets are never stored or read without it");
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static SecretKeySpec derive(String text) {
		try {
			return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
					"AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
