package org.releasegate.notifications;

import java.time.Instant;
import java.util.UUID;

/** One message to one recipient over one channel, as the outbox holds it. */
record Delivery(UUID id, String event, UUID release, String application, String environment, String channel,
		String recipient, String title, String summary, String link, Instant occurredAt, int attempts) {

	/** The channel people are emailed on. */
	static final String EMAIL = "email";

}
