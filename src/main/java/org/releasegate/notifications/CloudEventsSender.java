package org.releasegate.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * A generic webhook: a CloudEvents 1.0 event in structured JSON mode, signed like the
 * traffic webhook adapter ({@code X-ReleaseGate-Signature: sha256=<hex HMAC-SHA256 of
 * the body>}). The event's {@code id} is the delivery's, so a receiver can drop a
 * repeated delivery.
 */
class CloudEventsSender implements Sender {

	static final String SIGNATURE_HEADER = "X-ReleaseGate-Signature";

	private final NotificationProperties.Channel channel;

	private final Webhooks webhooks;

	private final JsonMapper json;

	private final String source;

	CloudEventsSender(NotificationProperties.Channel channel, Webhooks webhooks, JsonMapper json, String source) {
		this.channel = channel;
		this.webhooks = webhooks;
		this.json = json;
		this.source = source;
	}

	@Override
	public void send(Delivery delivery) throws DeliveryFailed {
		byte[] body = json.writeValueAsBytes(event(delivery));
		webhooks.post(channel, "application/cloudevents+json; charset=utf-8", body,
				Map.of(SIGNATURE_HEADER, signature(channel.secret().getBytes(StandardCharsets.UTF_8), body)));
	}

	Map<String, Object> event(Delivery delivery) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("title", delivery.title());
		data.put("summary", delivery.summary());
		data.put("application", delivery.application());
		data.put("environment", delivery.environment());
		data.put("release", delivery.release() == null ? null : delivery.release().toString());
		data.put("link", delivery.link());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("specversion", "1.0");
		event.put("id", delivery.id().toString());
		event.put("source", source);
		event.put("type", "org.releasegate." + delivery.event());
		if (delivery.release() != null) {
			event.put("subject", "releases/" + delivery.release());
		}
		event.put("time", delivery.occurredAt().toString());
		event.put("datacontenttype", "application/json");
		event.put("data", data);
		return event;
	}

	static String signature(byte[] secret, byte[] content) {
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
