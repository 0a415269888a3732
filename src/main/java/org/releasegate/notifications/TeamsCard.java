package org.releasegate.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Microsoft Teams workflow webhook ("When a Teams webhook request is received")
 * takes: an Adaptive Card.
 */
final class TeamsCard {

	private TeamsCard() {
	}

	static Map<String, Object> body(Delivery delivery) {
		List<Object> content = new ArrayList<>();
		content.add(Map.of("type", "TextBlock", "text", delivery.title(), "weight", "Bolder", "size", "Medium", "wrap",
				true));
		content.add(Map.of("type", "TextBlock", "text", delivery.summary(), "wrap", true));
		if (delivery.application() != null) {
			content.add(Map.of("type", "FactSet", "facts",
					List.of(Map.of("title", "Application", "value", delivery.application()),
							Map.of("title", "Environment", "value", delivery.environment()))));
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		card.put("body", content);
		if (delivery.link() != null) {
			card.put("actions", List
				.of(Map.of("type", "Action.OpenUrl", "title", EmailSender.action(delivery), "url", delivery.link())));
		}
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
	}

}
