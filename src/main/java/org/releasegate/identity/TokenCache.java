package org.releasegate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Remembers for a few seconds which token secrets were valid, so a busy CI token costs
 * one small read per request (is it still unrevoked, its owner enabled, their rights
 * unchanged?) instead of the full lookup and the use stamp. Revocation, a disabled owner
 * and a role change therefore take effect on the next request on every instance; the
 * cache time ({@code releasegate.identity.token-cache-seconds}, 0 turns caching off)
 * bounds only how long the full lookup is skipped. Only the secret's hash is kept, and
 * only valid tokens are.
 */
@Component
class TokenCache {

	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	TokenCache(IdentityProperties properties, Clock clock) {
		this.ttl = Duration.ofSeconds(properties.tokenCacheSeconds());
		this.clock = clock;
	}

	Optional<TokenService.TokenUse> get(String secretHash, Supplier<Optional<TokenService.TokenUse>> lookup,
			Predicate<TokenService.TokenUse> stillValid) {
		if (ttl.isZero()) {
			return lookup.get();
		}
		Instant now = clock.instant();
		Entry cached = entries.get(secretHash);
		if (cached != null && now.isBefore(cached.until())) {
			if (stillValid.test(cached.use())) {
				return Optional.of(cached.use());
			}
			entries.remove(secretHash);
		}
		Optional<TokenService.TokenUse> use = lookup.get();
		if (use.isPresent()) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(secretHash, new Entry(use.get(), now.plus(ttl)));
		}
		else {
			entries.remove(secretHash);
		}
		return use;
	}

	void forget(UUID tokenId) {
		entries.values().removeIf(entry -> entry.use().id().equals(tokenId));
	}

	private record Entry(TokenService.TokenUse use, Instant until) {
	}

}
