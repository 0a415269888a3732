package org.releasegate.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByOwnerOrderByCreatedAtDesc(User owner);

	/**
	 * The rights version of the token's owner while the token is not revoked and its
	 * owner enabled: a cached token is used only while this still answers what it
	 * answered when the token was checked.
	 */
	@Query("select u.rightsVersion from ApiToken t join t.owner u where t.id = :id and t.revokedAt is null and u.enabled = true")
	Optional<Integer> currentRightsVersion(UUID id);

	/**
	 * Notes a use at most once a minute, so a busy CI token does not write on every call.
	 */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :threshold)")
	int touch(UUID id, Instant now, Instant threshold);

}
