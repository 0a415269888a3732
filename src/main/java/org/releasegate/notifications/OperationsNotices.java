package org.releasegate.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.releasegate.common.PublicUrl;
import org.releasegate.identity.Contacts;
import org.releasegate.identity.Role;
import org.releasegate.traffic.DriftDetected;
import org.releasegate.traffic.LoadBalancerFailing;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices for the people who run ReleaseGate: drift and failing load balancers to release
 * managers, and API tokens about to expire to their owners.
 */
@Component
class OperationsNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Notifier notifier;

	private final Contacts contacts;

	private final PublicUrl publicUrl;

	private final NotificationProperties properties;

	private final Clock clock;

	OperationsNotices(Notifier notifier, Contacts contacts, PublicUrl publicUrl, NotificationProperties properties,
			Clock clock) {
		this.notifier = notifier;
		this.contacts = contacts;
		this.publicUrl = publicUrl;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void on(DriftDetected event) {
		String next = event.corrected() ? "ReleaseGate sets the desired split again."
				: "This binding is not corrected automatically: set the split again or correct the load balancer.";
		notifier.notify(new Notice(Notice.randomKey("traffic.drift-detected"), "traffic.drift-detected",
				"The load balancer of " + event.application() + " in " + event.environment() + " drifted",
				"It sends " + shares(event.observed()) + " instead of " + shares(event.desired()) + ". " + next,
				event.application(), event.environment(), null, applicationLink(event.application()), clock.instant(),
				managers()));
	}

	@EventListener
	void on(LoadBalancerFailing event) {
		notifier.notify(new Notice(Notice.randomKey("traffic.load-balancer-failing"), "traffic.load-balancer-failing",
				"ReleaseGate cannot reach the load balancer of " + event.application() + " in " + event.environment(),
				"The " + event.adapter() + " load balancer did not answer. Traffic changes wait until it answers "
						+ "again; the server log has the details.",
				event.application(), event.environment(), null, applicationLink(event.application()), clock.instant(),
				managers()));
	}

	/** Tells each token's owner once, a while before the token expires. */
	@Scheduled(fixedDelayString = "${releasegate.notifications.token-scan-every:1h}", initialDelayString = "PT30S")
	void scanTokens() {
		Instant now = clock.instant();
		for (Contacts.ExpiringToken token : contacts.expiringBefore(now.plus(properties.tokenExpiryWarning()))) {
			notifier.notify(new Notice("identity.token-expiring:" + token.id(), "identity.token-expiring",
					"Your API token \u201c" + token.name() + "\u201d expires on " + DAY.format(token.expiresAt()),
					"Whatever uses it stops working then. Create a new token on the API tokens page and revoke this one.",
					null, null, null, publicUrl.link("/admin"), now, Set.of(token.owner())));
		}
	}

	private Set<String> managers() {
		return new LinkedHashSet<>(contacts.holding(Role.RELEASE_MANAGER));
	}

	private String applicationLink(String application) {
		return publicUrl.link("/applications/" + application);
	}

	/** "blue 90 percent and green 10 percent", members by name, shares rounded. */
	private static String shares(Map<String, Double> percentByMember) {
		if (percentByMember == null || percentByMember.isEmpty()) {
			return "no traffic";
		}
		return new TreeMap<>(percentByMember).entrySet()
			.stream()
			.map(e -> e.getKey() + " " + Math.round(e.getValue()) + " percent")
			.collect(Collectors.joining(", "));
	}

}
