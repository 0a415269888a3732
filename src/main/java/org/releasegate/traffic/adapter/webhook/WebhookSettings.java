package org.releasegate.traffic.adapter.webhook;

import java.net.URI;
import java.time.Duration;

import org.releasegate.traffic.adapter.BindingSettings;

/** Where the webhook is, the HMAC key it checks signatures with, and how long to wait. */
record WebhookSettings(URI url, byte[] secret, Duration timeout) {

	static WebhookSettings of(BindingSettings settings) {
		URI url;
		try {
			url = URI.create(settings.require("url"));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("setting 'url' is not a URL: " + ex.getMessage());
		}
		if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
			throw new IllegalArgumentException("setting 'url' must be an absolute http or https URL");
		}
		byte[] secret = settings.require("secret").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		if (secret.length < 16) {
			throw new IllegalArgumentException("setting 'secret' must be at least 16 characters long");
		}
		long millis;
		try {
			millis = Long.parseLong(settings.get("timeoutMillis", "5000"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("setting 'timeoutMillis' must be a number of milliseconds");
		}
		if (millis <= 0 || millis > 60_000) {
			throw new IllegalArgumentException("setting 'timeoutMillis' must be within 1..60000");
		}
		return new WebhookSettings(url, secret, Duration.ofMillis(millis));
	}

}
