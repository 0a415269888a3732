package org.releasegate.traffic.adapter.webhook;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code sha256=<hex HMAC-SHA256>}, the format GitHub's webhooks made familiar. */
final class WebhookSignature {

	static final String HEADER = "X-ReleaseGate-Signature";

	static final String TIMESTAMP_HEADER = "X-ReleaseGate-Timestamp";

	private WebhookSignature() {
	}

	static String of(byte[] secret, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(content));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
