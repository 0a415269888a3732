package org.releasegate.notifications;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Something people should hear about, in words, before it is fanned out to recipients and
 * channels.
 *
 * @param key identifies the notice: a recipient gets one message per key and channel
 * @param event what happened, e.g. {@code release.requested}
 * @param title one line: what, which application and environment, which version
 * @param summary a sentence or two: who, why, what happens next
 * @param release the release it is about, if any
 * @param link absolute URL of the page to act on
 * @param people the usernames to email (when they want email)
 */
record Notice(String key, String event, String title, String summary, String application, String environment,
		UUID release, String link, Instant occurredAt, Set<String> people) {

	static String randomKey(String event) {
		return event + ":" + UUID.randomUUID();
	}

}
