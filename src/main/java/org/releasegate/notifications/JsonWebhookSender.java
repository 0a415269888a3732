package org.releasegate.notifications;

import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook channel that takes a plain JSON message (Slack, Teams): the channel's format
 * turns a delivery into its body.
 */
record JsonWebhookSender(NotificationProperties.Channel channel, Webhooks webhooks, JsonMapper json,
		Function<Delivery, Map<String, Object>> format) implements Sender {

	@Override
	public void send(Delivery delivery) throws DeliveryFailed {
		webhooks.post(channel, "application/json", json.writeValueAsBytes(format.apply(delivery)), Map.of());
	}

}
