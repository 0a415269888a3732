package org.releasegate.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;

import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failed sign-ins, counted for the throttle and written to the audit log collapsed: every
 * {@code releasegate.identity.sign-in.audit-every}, one {@code identity.sign-in-failed}
 * event per attempted account (or "unknown token") and client address, with the number of
 * attempts, instead of one event per attempt. At most {@value #MAX_NAMED} accounts are
 * named per round; the rest of a flood of made-up names becomes one event saying how many
 * attempts there were.
 */
@Component
class SignInFailures {

	static final int MAX_NAMED = 100;

	static final String UNKNOWN_TOKEN = "unknown token";

	private Map<Key, Tally> pending = new ConcurrentHashMap<>();

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignInFailures(SignInThrottle throttle, AuditLog audit, TransactionTemplate transactions, Clock clock) {
		this.throttle = throttle;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof ProviderNotFoundException) {
			// a parent authentication manager saying it has no provider for this kind of
			// credential: the provider that has one reports the real outcome
			return;
		}
		String address = clientAddress();
		Instant now = clock.instant();
		if (event.getAuthentication() instanceof BearerTokenAuthenticationToken) {
			// a bearer token's "name" is the secret itself: never kept
			tally(new Key("token", UNKNOWN_TOKEN, address), now);
			return;
		}
		String attempted = event.getAuthentication().getName();
		throttle.failed(attempted, address);
		tally(new Key("user", SignInName.forRecord(attempted), address), now);
	}

	/** A successful sign-in forgets the account's earlier failures. */
	@EventListener
	void on(AuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

	private void tally(Key key, Instant now) {
		pending.merge(key, new Tally(1, now, now), (a, b) -> new Tally(a.attempts() + 1, a.first(), b.last()));
	}

	@Scheduled(fixedDelayString = "${releasegate.identity.sign-in.audit-every:PT10S}")
	@PreDestroy
	void flush() {
		if (pending.isEmpty()) {
			return;
		}
		Map<Key, Tally> round = pending;
		pending = new ConcurrentHashMap<>();
		List<Map.Entry<Key, Tally>> entries = new ArrayList<>(round.entrySet());
		entries.sort(Comparator.comparingInt((Map.Entry<Key, Tally> e) -> e.getValue().attempts()).reversed());
		transactions.executeWithoutResult(status -> {
			int others = 0;
			Instant first = null;
			Instant last = null;
			for (int i = 0; i < entries.size(); i++) {
				Key key = entries.get(i).getKey();
				Tally tally = entries.get(i).getValue();
				if (i < MAX_NAMED) {
					record(key.subjectType(), key.subject(), key.address(), tally);
				}
				else {
					others += tally.attempts();
					first = first == null || tally.first().isBefore(first) ? tally.first() : first;
					last = last == null || tally.last().isAfter(last) ? tally.last() : last;
				}
			}
			if (others > 0) {
				record("user", "(other usernames)", "(several)", new Tally(others, first, last));
			}
		});
	}

	private void record(String subjectType, String subject, String address, Tally tally) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("attempts", tally.attempts());
		after.put("address", address);
		after.put("firstAttemptAt", tally.first().toString());
		after.put("lastAttemptAt", tally.last().toString());
		audit.record(AuditEntry.of("identity.sign-in-failed", subjectType, subject).after(after),
				new Actor(subject, Actor.Kind.ANONYMOUS));
	}

	/** The client's address as the connection (or a configured proxy header) says. */
	static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "(unknown)";
	}

	private record Key(String subjectType, String subject, String address) {
	}

	private record Tally(int attempts, Instant first, Instant last) {
	}

}
