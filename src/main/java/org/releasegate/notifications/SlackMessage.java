package org.releasegate.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Slack incoming webhook takes: a Block Kit message with a button to the page to
 * act on.
 */
final class SlackMessage {

	private SlackMessage() {
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
