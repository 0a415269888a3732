package org.releasegate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and checks API tokens. */
@Service
@Transactional(readOnly = true)
class TokenService {

	private final ApiTokens tokens;

	private final Users users;

	private final AuditLog audit;

	private final IdentityProperties properties;

	private final Clock clock;

	private final TokenCache cache;

	TokenService(ApiTokens tokens, Users users, AuditLog audit, IdentityProperties properties, Clock clock,
			TokenCache cache) {
		this.cache = cache;
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	IssuedToken issue(String username, NewToken request) {
		User owner = users.findByUsername(username).orElseThrow(() -> new NotFoundException("no user " + username));
		int days = request.expiresInDays() != null ? request.expiresInDays() : properties.defaultTokenDays();
		if (days > properties.maxTokenDays()) {
			throw new IllegalArgumentException("expiresInDays must be at most " + properties.maxTokenDays());
		}
		Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? owner.roles()
				: EnumSet.copyOf(request.roles());
		if (!owner.roles().containsAll(roles)) {
			throw new AccessDeniedException("a token cannot have roles its owner does not hold");
		}
		Instant now = clock.instant();
		TokenSecret secret = TokenSecret.generate();
		ApiToken token = tokens
			.save(new ApiToken(owner, request.name(), secret, roles, now, now.plus(Duration.ofDays(days))));
		TokenView view = TokenView.of(token);
		audit.record(AuditEntry.of("identity.token-created", "token", token.id()).after(view));
		return new IssuedToken(view, secret.value());
	}

	List<TokenView> list(String username) {
		User owner = users.findByUsername(username).orElseThrow(() -> new NotFoundException("no user " + username));
		return tokens.findByOwnerOrderByCreatedAtDesc(owner).stream().map(TokenView::of).toList();
	}

	@Transactional
	void revoke(UUID id, String username, boolean admin) {
		ApiToken token = tokens.findById(id)
			.filter(t -> admin || t.owner().username().equals(username))
			.orElseThrow(() -> new NotFoundException("no token " + id));
		TokenView before = TokenView.of(token);
		token.revoke(clock.instant());
		cache.forget(id);
		audit.record(AuditEntry.of("identity.token-revoked", "token", id).before(before).after(TokenView.of(token)));
	}

	/** The token's owner and roles in force, if the secret belongs to a usable token. */
	@Transactional
	Optional<TokenUse> authenticate(String secret) {
		Instant now = clock.instant();
		Optional<ApiToken> token = tokens.findByTokenHash(TokenSecret.hash(secret)).filter(t -> t.usableAt(now));
		token.ifPresent(t -> tokens.touch(t.id(), now, now.minus(Duration.ofMinutes(1))));
		return token.map(t -> new TokenUse(t.id(), t.name(), t.owner().username(), t.effectiveRoles(),
				t.owner().rightsVersion(), t.expiresAt()));
	}

	/**
	 * Whether a token checked earlier (perhaps on another instance's request, perhaps
	 * before a role change) still holds exactly the rights it was checked with: not
	 * revoked, not expired, its owner enabled and their roles unchanged. One indexed
	 * read.
	 */
	boolean stillValid(TokenUse use) {
		return clock.instant().isBefore(use.expiresAt())
				&& tokens.currentRightsVersion(use.id()).filter(v -> v == use.rightsVersion()).isPresent();
	}

	record TokenUse(UUID id, String name, String username, Set<Role> roles, int rightsVersion, Instant expiresAt) {
	}

}
