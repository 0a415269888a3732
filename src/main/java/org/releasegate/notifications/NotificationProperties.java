package org.releasegate.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings, all from the operator's configuration
 * ({@code releasegate.notifications.*}; SMTP is Spring's {@code spring.mail.*}).
 *
 * @param pollEvery how often the outbox is read for due deliveries
 * @param batchSize deliveries claimed at once
 * @param senders deliveries sent at the same time
 * @param lease how long a claimed delivery is left to its instance before another takes
 * it over (longer than any send may take)
 * @param firstRetry wait before the first retry; doubled at each further failure
 * @param longestRetry the longest wait between retries
 * @param attempts attempts before a delivery is given up as failed
 * @param tokenExpiryWarning how long before its expiry a token's owner is told
 * @param tokenScanEvery how often tokens are scanned for their expiry
 * @param email email to people
 * @param channels webhook channels by name
 * @param subscriptions which events go to which channel
 */
@ConfigurationProperties("releasegate.notifications")
record NotificationProperties(@DefaultValue("500ms") Duration pollEvery, @DefaultValue("20") int batchSize,
		@DefaultValue("4") int senders, @DefaultValue("2m") Duration lease, @DefaultValue("5s") Duration firstRetry,
		@DefaultValue("15m") Duration longestRetry, @DefaultValue("12") int attempts,
		@DefaultValue("7d") Duration tokenExpiryWarning, @DefaultValue("1h") Duration tokenScanEvery,
		@DefaultValue Email email, Map<String, Channel> channels, List<Subscription> subscriptions) {

	NotificationProperties {
		channels = channels == null ? Map.of() : Map.copyOf(channels);
		subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
		if (batchSize < 1 || senders < 1 || attempts < 1) {
			throw new IllegalArgumentException(
					"releasegate.notifications.batch-size, senders and attempts must be at least 1");
		}
		for (Subscription subscription : subscriptions) {
			if (!channels.containsKey(subscription.channel())) {
				throw new IllegalArgumentException("releasegate.notifications.subscriptions names the channel '"
						+ subscription.channel() + "', which releasegate.notifications.channels does not declare");
			}
		}
	}

	/** The wait before the next attempt, after the given number of failed ones. */
	Duration backoff(int failedAttempts) {
		Duration wait = firstRetry;
		for (int i = 1; i < failedAttempts && wait.compareTo(longestRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
	}

	/**
	 * @param enabled whether people are emailed at all (only when
	 * {@code spring.mail.host} is set)
	 * @param from the sender address
	 * @param events the events people are emailed about; all when empty
	 */
	record Email(@DefaultValue("true") boolean enabled, @DefaultValue("releasegate@localhost") String from,
			Set<String> events) {

		Email {
			events = events == null ? Set.of() : Set.copyOf(events);
		}

		boolean wants(String event) {
			return enabled && (events.isEmpty() || events.contains(event));
		}

	}

	/**
	 * A webhook channel.
	 *
	 * @param type {@code slack}, {@code teams} or {@code cloudevents}
	 * @param url where to POST
	 * @param secret HMAC-SHA256 key of a CloudEvents channel (required there)
	 * @param timeout how long to wait for the webhook's answer
	 */
	record Channel(ChannelType type, URI url, String secret, @DefaultValue("5s") Duration timeout) {

		Channel {
			if (type == null || url == null || !url.isAbsolute()) {
				throw new IllegalArgumentException(
						"a notification channel needs a type (slack, teams, cloudevents) and an absolute url");
			}
			if (type == ChannelType.CLOUDEVENTS && (secret == null || secret.isBlank())) {
				throw new IllegalArgumentException("a cloudevents notification channel needs a secret");
			}
		}

	}

	enum ChannelType {

		SLACK, TEAMS, CLOUDEVENTS

	}

	/**
	 * Sends matching events to a channel.
	 *
	 * @param application an application's name, or {@code *} for all
	 * @param environment an environment's name, or {@code *} for all
	 * @param events event names (e.g. {@code release.requested}); all when empty
	 * @param channel the channel's name
	 */
	record Subscription(@DefaultValue("*") String application, @DefaultValue("*") String environment,
			Set<String> events, String channel) {

		Subscription {
			events = events == null ? Set.of() : Set.copyOf(events);
		}

		/**
		 * Personal notices (about no application, e.g. an expiring token) go to no
		 * channel.
		 */
		boolean matches(Notice notice) {
			return notice.application() != null && matches(application, notice.application())
					&& matches(environment, notice.environment())
					&& (events.isEmpty() || events.contains(notice.event()));
		}

		private static boolean matches(String pattern, String value) {
			return "*".equals(pattern) || pattern.equals(value);
		}

	}

}
