package org.releasegate.notifications;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import org.releasegate.identity.Contacts;

/**
 * Fans a notice out to its recipients: an outbox row per person who wants email (when a
 * mail server is configured) and per subscribed channel. Runs inside the transaction of
 * the change, so the rows commit or roll back with it; it only writes rows.
 */
@Component
class Notifier {

	private final Outbox outbox;

	private final Contacts contacts;

	private final NotificationProperties properties;

	private final boolean mailConfigured;

	Notifier(Outbox outbox, Contacts contacts, NotificationProperties properties, ObjectProvider<JavaMailSender> mail) {
		this.outbox = outbox;
		this.contacts = contacts;
		this.properties = properties;
		this.mailConfigured = mail.getIfAvailable() != null;
	}

	void notify(Notice notice) {
		if (mailConfigured && properties.email().wants(notice.event()) && !notice.people().isEmpty()) {
			for (Contacts.Contact contact : contacts.emailable(notice.people())) {
				outbox.add(notice, Delivery.EMAIL, contact.email());
			}
		}
		Set<String> channels = new LinkedHashSet<>();
		for (NotificationProperties.Subscription subscription : properties.subscriptions()) {
			if (subscription.matches(notice)) {
				channels.add(subscription.channel());
			}
		}
		channels.forEach(channel -> outbox.add(notice, channel, channel));
	}

}
