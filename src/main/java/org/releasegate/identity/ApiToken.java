package org.releasegate.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A personal or CI API token. Only the SHA-256 of the secret is stored: tokens are long
 * random strings, so a fast hash is as safe as a slow one and keeps each request cheap.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.EAGER, optional = false)
	@JoinColumn(name = "user_id")
	private User owner;

	private String name;

	private String tokenHash;

	private String tokenPrefix;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant revokedAt;

	private Instant lastUsedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "api_token_roles", joinColumns = @JoinColumn(name = "token_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	protected ApiToken() {
	}

	ApiToken(User owner, String name, TokenSecret secret, Set<Role> roles, Instant createdAt, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.owner = owner;
		this.name = name;
		this.tokenHash = secret.hash();
		this.tokenPrefix = secret.prefix();
		this.roles = EnumSet.copyOf(roles);
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean usableAt(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt) && owner.enabled();
	}

	/** The roles in force: those granted to the token that its owner still holds. */
	Set<Role> effectiveRoles() {
		Set<Role> effective = EnumSet.noneOf(Role.class);
		effective.addAll(roles);
		effective.retainAll(owner.roles());
		return effective;
	}

	void revoke(Instant now) {
		if (revokedAt != null) {
			throw new IllegalStateException("token '" + name + "' is already revoked");
		}
		revokedAt = now;
	}

	UUID id() {
		return id;
	}

	User owner() {
		return owner;
	}

	String name() {
		return name;
	}

	String prefix() {
		return tokenPrefix;
	}

	Set<Role> roles() {
		return Set.copyOf(roles);
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant revokedAt() {
		return revokedAt;
	}

	Instant lastUsedAt() {
		return lastUsedAt;
	}

}
