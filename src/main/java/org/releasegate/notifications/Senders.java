package org.releasegate.notifications;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import org.releasegate.common.PublicUrl;
import tools.jackson.databind.json.JsonMapper;

/** The configured channels by name: {@code email} and the webhook channels. */
@Component
class Senders {

	private final Map<String, Sender> byChannel = new HashMap<>();

	Senders(NotificationProperties properties, ObjectProvider<JavaMailSender> mail, JsonMapper json,
			PublicUrl publicUrl) {
		Webhooks webhooks = new Webhooks();
		JavaMailSender mailSender = mail.getIfAvailable();
		if (mailSender != null) {
			byChannel.put(Delivery.EMAIL, new EmailSender(mailSender, properties.email().from()));
		}
		properties.channels().forEach((name, channel) -> byChannel.put(name, switch (channel.type()) {
			case SLACK -> new JsonWebhookSender(channel, webhooks, json, SlackMessage::body);
			case TEAMS -> new JsonWebhookSender(channel, webhooks, json, TeamsCard::body);
			case CLOUDEVENTS -> new CloudEventsSender(channel, webhooks, json, publicUrl.link("/"));
		}));
	}

	/** The names of the channels this instance can send over. */
	Set<String> channels() {
		return Set.copyOf(byChannel.keySet());
	}

	Optional<Sender> of(String channel) {
		return Optional.ofNullable(byChannel.get(channel));
	}

}
