package org.releasegate.releases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.releasegate.common.NotFoundException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Releases extends JpaRepository<Release, UUID>, JpaSpecificationExecutor<Release> {

	/**
	 * Loads a release with its row locked ({@code SELECT ... FOR UPDATE}) until the
	 * transaction ends: concurrent decisions on one release queue up instead of
	 * overwriting each other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Release r where r.id = :id")
	Optional<Release> findForUpdate(UUID id);

	/** {@link #findForUpdate}, or 404 when there is no such release. */
	default Release lock(UUID id) {
		return findForUpdate(id).orElseThrow(() -> new NotFoundException("no release " + id));
	}

	/**
	 * Locks a release unless another transaction holds it; an instance that finds it
	 * locked leaves it to the one working on it.
	 */
	@Query(value = "select * from releases where id = :id for update skip locked", nativeQuery = true)
	Optional<Release> lockIfFree(UUID id);

	/**
	 * Releases running or rolling back gradually, or approved with a scheduled start that
	 * has come.
	 */
	@Query(value = "select id from releases where status in ('IN_PROGRESS', 'ROLLING_BACK') "
			+ "or (status = 'APPROVED' and scheduled_start <= :now)", nativeQuery = true)
	List<UUID> findInFlight(java.time.Instant now);

	/** Releases whose candidate is this deployment and whose gates watch it. */
	@Query(value = "select id from releases where candidate_deployment_id = :deployment "
			+ "and status in ('IN_PROGRESS', 'ROLLING_BACK')", nativeQuery = true)
	List<UUID> findGatedWithCandidate(UUID deployment);

	boolean existsByApplicationAndEnvironmentAndStatusIn(String application, String environment,
			List<ReleaseStatus> statuses);

	/** Releases not started yet, whose checklist still matters. */
	@Query(value = "select id from releases where status in ('REQUESTED', 'APPROVED')", nativeQuery = true)
	List<UUID> findNotStarted();

	/** How many releases stand in each status, in one grouped count. */
	@Query("select r.status, count(r) from Release r group by r.status")
	List<Object[]> countByStatus();

	@Query("select r.requestedAt from Release r where r.id = :id")
	Optional<java.time.Instant> findRequestedAt(UUID id);

	@Query("select r.id from Release r where r.status = org.releasegate.releases.ReleaseStatus.REQUESTED")
	List<UUID> findRequested();

	/**
	 * REQUESTED releases the given person neither requested nor has a counting approval
	 * on, oldest first: the candidates for their inbox (ownership is checked by the
	 * caller).
	 */
	@Query("""
			select r from Release r where r.status = org.releasegate.releases.ReleaseStatus.REQUESTED
			and r.requestedBy <> :username
			and not exists (select a from Release d join d.approvals a
				where d = r and a.username = :username and a.voided = false)
			order by r.requestedAt, r.id""")
	List<Release> findAwaiting(String username);

	List<Release> findTop50ByApplicationOrderByRequestedAtDescIdDesc(String application);

	List<Release> findByStatusInOrderByRequestedAt(java.util.Collection<ReleaseStatus> statuses);

}
