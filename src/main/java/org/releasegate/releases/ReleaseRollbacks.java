package org.releasegate.releases;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.UnprocessableException;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.Split;
import org.releasegate.traffic.TrafficControl;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls releases back: all traffic to the stable deployment at once, or, when the plan
 * says so, walking the canary's steps back one step pause apart. Like every change of a
 * release, each step commits under the release's row lock together with its desired split
 * and audit event; traffic is never sent back to a deployment that is not RUNNING.
 */
@Service
@Transactional
class ReleaseRollbacks {

	private final Releases releases;

	private final DeploymentCatalog deployments;

	private final TrafficControl traffic;

	private final AuditLog audit;

	private final Clock clock;

	ReleaseRollbacks(Releases releases, DeploymentCatalog deployments, TrafficControl traffic, AuditLog audit,
			Clock clock) {
		this.releases = releases;
		this.deployments = deployments;
		this.traffic = traffic;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A person rolls back, the way the release's plan says unless they ask for a mode:
	 * INSTANT sends all traffic to the stable deployment at once (and ends a gradual
	 * rollback now), GRADUAL walks the canary's steps back.
	 */
	void rollBack(UUID id, String reason, Strategy.Rollback.Mode asked) {
		Release release = releases.lock(id);
		Strategy.Rollback planned = release.strategy().rollback();
		Strategy.Rollback.Mode mode = asked != null ? asked : planned.mode();
		if (mode == Strategy.Rollback.Mode.GRADUAL && !planned.gradual()) {
			throw new UnprocessableException("mode", "the plan of this release has no gradual rollback "
					+ "(strategy.rollback); leave mode out or ask for INSTANT");
		}
		if (release.status() == ReleaseStatus.ROLLING_BACK && mode != Strategy.Rollback.Mode.INSTANT) {
			throw new ConflictException("release is already rolling back gradually (the candidate has "
					+ release.candidatePercent() + "%); ask for {\"mode\": \"INSTANT\"} to end it now");
		}
		if (mode == Strategy.Rollback.Mode.GRADUAL && release.walksBack()) {
			rollBackGradually(release, reason, Actor.current());
		}
		else {
			rollBack(release, reason, Actor.current(), null);
		}
	}

	/**
	 * Traffic goes back to the stable deployment at once, provided it still runs; a
	 * rollback is never a redeploy.
	 */
	void rollBack(Release release, String reason, Actor actor, String evidence) {
		requireStableRunning(release);
		Map<String, Object> before = ReleaseExecution.step(release);
		boolean hurried = release.status() == ReleaseStatus.ROLLING_BACK;
		release.rollBack(reason, actor.name(), clock.instant());
		traffic.shift(release.application(), release.environment(), Split.all(release.stableDeploymentId()),
				"release " + release.id() + " rolled back: " + reason);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", release.status());
		after.put("mode", Strategy.Rollback.Mode.INSTANT);
		after.put("reason", reason);
		after.put("stable", release.stableVersion());
		after.put("candidatePercent", 0);
		if (hurried) {
			after.put("note", "ended a gradual rollback at once");
		}
		if (evidence != null) {
			after.put("evidence", evidence);
		}
		record(release, "release.rolled-back", before, after, actor);
		releases.save(release);
	}

	/**
	 * A gradual rollback begins with its first step back at once; the conductor takes the
	 * next ones, one step pause apart.
	 */
	private void rollBackGradually(Release release, String reason, Actor actor) {
		requireStableRunning(release);
		if (release.status() == ReleaseStatus.COMPLETED && releases.existsByApplicationAndEnvironmentAndStatusIn(
				release.application(), release.environment(), List.copyOf(ReleaseStatus.OPEN))) {
			throw new ConflictException(release.application() + " has another open release in " + release.environment()
					+ "; a gradual rollback would move traffic beside it: "
					+ "settle that release first or ask for {\"mode\": \"INSTANT\"}");
		}
		Map<String, Object> before = ReleaseExecution.step(release);
		release.startRollback(reason, actor.name(), clock.instant());
		StepSplit.shift(traffic, release, "release " + release.id() + " rolling back: " + reason);
		Map<String, Object> after = new LinkedHashMap<>(ReleaseExecution.step(release));
		after.put("mode", Strategy.Rollback.Mode.GRADUAL);
		after.put("stepPause", release.strategy().rollback().stepPause().toString());
		after.put("reason", reason);
		after.put("stable", release.stableVersion());
		record(release, "release.rollback-started", before, after, actor);
		try {
			releases.saveAndFlush(release);
		}
		catch (DataIntegrityViolationException raced) {
			throw new ConflictException(release.application() + " has another open release in " + release.environment()
					+ "; ask for {\"mode\": \"INSTANT\"}");
		}
	}

	/**
	 * The conductor takes the next step of a gradual rollback whose step pause passed:
	 * the share of the step before, or, from the first step, none (ROLLED_BACK).
	 */
	void stepBackOnSchedule(Release release) {
		requireStableRunning(release);
		Map<String, Object> before = ReleaseExecution.step(release);
		release.stepBack(clock.instant());
		if (release.status() == ReleaseStatus.ROLLED_BACK) {
			traffic.shift(release.application(), release.environment(), Split.all(release.stableDeploymentId()),
					"release " + release.id() + " rolled back: " + release.reason());
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", release.status());
			after.put("mode", Strategy.Rollback.Mode.GRADUAL);
			after.put("reason", release.reason());
			after.put("stable", release.stableVersion());
			after.put("candidatePercent", 0);
			record(release, "release.rolled-back", before, after, Actor.SYSTEM);
		}
		else {
			StepSplit.shift(traffic, release,
					"release " + release.id() + " step back to " + release.candidatePercent() + "%");
			Map<String, Object> after = new LinkedHashMap<>(ReleaseExecution.step(release));
			after.put("by", "schedule: the rollback's step pause passed");
			record(release, "release.stepped-back", before, after, Actor.SYSTEM);
		}
		releases.save(release);
	}

	/** Traffic is never sent back to a deployment that is not RUNNING. */
	private void requireStableRunning(Release release) {
		if (release.stableDeploymentId() == null) {
			return;
		}
		Optional<DeploymentSummary> stable = deployments.find(release.stableDeploymentId());
		if (stable.isEmpty() || !stable.get().isRunning()) {
			throw new ConflictException(
					"stable " + release.stableVersion() + " is " + stable.map(d -> d.state().name()).orElse("gone")
							+ ": traffic is never sent back to a deployment that is not RUNNING; "
							+ "deploy it again or shift traffic by hand");
		}
	}

	private void record(Release release, String action, Object before, Object after, Actor actor) {
		audit.record(AuditEntry.of(action, "release", release.id())
			.in(release.application(), release.environment())
			.before(before)
			.after(after), actor);
	}

}
