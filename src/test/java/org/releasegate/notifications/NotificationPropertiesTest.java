package org.releasegate.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationPropertiesTest {

	static final NotificationProperties.Channel SLACK = new NotificationProperties.Channel(
			NotificationProperties.ChannelType.SLACK, URI.create("https://hooks.example.test/x"), null,
			Duration.ofSeconds(5));

	@Test
	void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
		NotificationProperties properties = properties(List.of());
		assertThat(List.of(1, 2, 3, 4, 9, 30).stream().map(properties::backoff)).containsExactly(Duration.ofSeconds(5),
				Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofMinutes(15),
				Duration.ofMinutes(15));
	}

	@Test
	void aSubscriptionMatchesItsApplicationEnvironmentAndEventsButNoPersonalNotice() {
		NotificationProperties.Subscription subscription = new NotificationProperties.Subscription("checkout", "*",
				Set.of("release.requested"), "chat");
		assertThat(subscription.matches(notice("release.requested", "checkout"))).isTrue();
		assertThat(subscription.matches(notice("release.completed", "checkout"))).isFalse();
		assertThat(subscription.matches(notice("release.requested", "billing"))).isFalse();
		assertThat(new NotificationProperties.Subscription("*", "*", Set.of(), "chat")
			.matches(notice("identity.token-expiring", null))).isFalse();
	}

	@Test
	void aSubscriptionToAnUndeclaredChannelOrAnUnsignedCloudEventsChannelIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(List.of(new NotificationProperties.Subscription("*", "*", Set.of(), "nope"))))
			.withMessageContaining("'nope'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotificationProperties.Channel(NotificationProperties.ChannelType.CLOUDEVENTS,
					URI.create("https://hooks.example.test/x"), " ", Duration.ofSeconds(5)))
			.withMessageContaining("secret");
	}

	private static NotificationProperties properties(List<NotificationProperties.Subscription> subscriptions) {
		return new NotificationProperties(Duration.ofMillis(500), 20, 4, Duration.ofMinutes(2), Duration.ofSeconds(5),
				Duration.ofMinutes(15), 12, Duration.ofDays(7), Duration.ofHours(1),
				new NotificationProperties.Email(true, "releasegate@localhost", Set.of()), Map.of("chat", SLACK),
				subscriptions);
	}

	private static Notice notice(String event, String application) {
		return new Notice("k", event, "t", "s", application, application == null ? null : "production", null, null,
				Instant.now(), Set.of());
	}

}
