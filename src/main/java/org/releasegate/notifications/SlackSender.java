package org.releasegate.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A Slack incoming webhook: a Block Kit message with a button to the page to act on. */
class SlackSender implements Sender {

	private final NotificationProperties.Channel channel;

	private final Webhooks webhooks;

	private final JsonMapper json;

	SlackSender(NotificationProperties.Channel channel, Webhooks webhooks, JsonMapper json) {
		this.channel = channel;
		this.webhooks = webhooks;
		this.json = json;
	}

	@Override
	public void send(Delivery delivery) throws DeliveryFailed {
		webhooks.post(channel, "application/json", json.writeValueAsBytes(body(delivery)), Map.of());
	}

	static Map<String, Object> body(Delivery delivery) {
		List<Object> blocks = new ArrayList<>();
		blocks.add(Map.of("type", "section", "text",
				Map.of("type", "mrkdwn", "text", "*" + escape(delivery.title()) + "*\n" + escape(delivery.summary()))));
		String context = EmailSender.context(delivery);
		if (!context.isEmpty()) {
			blocks
				.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", escape(context)))));
		}
		if (delivery.link() != null) {
			blocks.add(Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "style", "primary", "url",
					delivery.link(), "text", Map.of("type", "plain_text", "text", EmailSender.action(delivery))))));
		}
		return Map.of("text", delivery.title(), "blocks", blocks);
	}

	/** Slack's mrkdwn treats these three as control characters. */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
