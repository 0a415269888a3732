package org.releasegate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in a fixed window and says
 * when further attempts are refused. Kept in memory, so each instance counts its own
 * attempts (a client spreading attempts over N instances gets N times the limit); the
 * maps are bounded, so a flood of made-up names cannot grow them without limit.
 */
@Component
class SignInThrottle {

	private static final int MAX_KEYS = 20_000;

	private final Map<String, Window> accounts = new ConcurrentHashMap<>();

	private final Map<String, Window> addresses = new ConcurrentHashMap<>();

	private final SignInProperties properties;

	private final Clock clock;

	SignInThrottle(SignInProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long sign-ins for this account or from this address are refused, if they are.
	 */
	Optional<Duration> refusal(String account, String address) {
		Instant now = clock.instant();
		Optional<Duration> byAccount = account == null ? Optional.empty()
				: refusal(accounts.get(SignInName.forRecord(account)), properties.maxFailuresPerAccount(), now);
		return byAccount.or(() -> refusal(addresses.get(address), properties.maxFailuresPerAddress(), now));
	}

	void failed(String account, String address) {
		Instant now = clock.instant();
		if (account != null) {
			count(accounts, SignInName.forRecord(account), now);
		}
		count(addresses, address, now);
	}

	void succeeded(String account) {
		accounts.remove(account);
	}

	private Optional<Duration> refusal(Window window, int limit, Instant now) {
		if (window == null || window.count() < limit || !now.isBefore(window.until())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, window.until()));
	}

	private void count(Map<String, Window> windows, String key, Instant now) {
		if (windows.size() >= MAX_KEYS) {
			windows.values().removeIf(window -> !now.isBefore(window.until()));
			if (windows.size() >= MAX_KEYS) {
				windows.clear();
			}
		}
		windows.compute(key, (k, window) -> window == null || !now.isBefore(window.until())
				? new Window(1, now.plus(properties.window())) : new Window(window.count() + 1, window.until()));
	}

	private record Window(int count, Instant until) {
	}

}
