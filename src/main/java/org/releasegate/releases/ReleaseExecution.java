package org.releasegate.releases;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.identity.Role;
import org.releasegate.traffic.TrafficControl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs releases: every change of a release's state commits together with the desired
 * split it asks for and its audit event, all under the release's row lock. The load
 * balancer is told after commit by the traffic module.
 */
@Service
@Transactional
class ReleaseExecution {

	private final Releases releases;

	private final ReleasePolicies policies;

	private final ApplicationCatalog applications;

	private final ChecklistEvaluator checklist;

	private final TrafficControl traffic;

	private final GateResults gateResults;

	private final ReleaseRollbacks rollbacks;

	private final AuditLog audit;

	private final Clock clock;

	ReleaseExecution(Releases releases, ReleasePolicies policies, ApplicationCatalog applications,
			ChecklistEvaluator checklist, TrafficControl traffic, GateResults gateResults, ReleaseRollbacks rollbacks,
			AuditLog audit, Clock clock) {
		this.releases = releases;
		this.policies = policies;
		this.applications = applications;
		this.checklist = checklist;
		this.traffic = traffic;
		this.gateResults = gateResults;
		this.rollbacks = rollbacks;
		this.audit = audit;
		this.clock = clock;
	}

	/** A person starts an APPROVED release now. */
	void start(UUID id, boolean override, String reason) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		if (!caller.name().equals(release.requestedBy()) && !caller.has(Role.ENGINEER)
				&& !caller.has(Role.RELEASE_MANAGER)) {
			throw new DecisionForbidden("only the requester, an engineer or a release manager starts a release");
		}
		if (override && !caller.has(Role.RELEASE_MANAGER)) {
			throw new DecisionForbidden("only a release manager overrides the checklist");
		}
		if (override && (reason == null || reason.isBlank())) {
			throw new InvalidField("reason", "an override needs a reason");
		}
		requireApproved(release);
		List<String> blockers = blockers(release);
		if (!blockers.isEmpty() && !override) {
			throw new ConflictException("release cannot start: " + String.join("; ", blockers));
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		if (override) {
			extra.put("override", true);
			extra.put("reason", reason);
			extra.put("overridden", blockers);
		}
		begin(release, extra, Actor.current());
	}

	/**
	 * The conductor starts a release at its scheduled time if it may; says what happened.
	 */
	String startScheduled(Release release) {
		List<String> blockers = blockers(release);
		if (!blockers.isEmpty()) {
			return "not started: " + String.join("; ", blockers);
		}
		begin(release, Map.of("scheduled", release.scheduledStart()), Actor.SYSTEM);
		return "started";
	}

	private void requireApproved(Release release) {
		if (release.status() != ReleaseStatus.APPROVED) {
			throw new IllegalStateException("release is " + release.status() + "; only an APPROVED release starts");
		}
	}

	/** Why the release may not start now: a checklist item not green, or the window. */
	private List<String> blockers(Release release) {
		Instant now = clock.instant();
		PolicyRules rules = policies.rulesFor(release.application(), release.environment());
		List<String> blockers = new java.util.ArrayList<>(checklist.evaluate(release, rules, now)
			.items()
			.stream()
			.filter(item -> !item.status().isGreen())
			.map(item -> item.key() + " is " + item.status() + " (" + item.evidence() + ")")
			.toList());
		WindowCheck.Outcome window = WindowCheck.evaluate(now, false, rules.releaseWindows(), rules.freezes());
		if (!window.status().isGreen()) {
			blockers.add("release window: " + window.evidence());
		}
		return blockers;
	}

	private void begin(Release release, Map<String, Object> extra, Actor actor) {
		Instant now = clock.instant();
		release.start(now);
		StepSplit.shift(traffic, release, "release " + release.id() + " started");
		Map<String, Object> after = new LinkedHashMap<>(step(release));
		after.putAll(extra);
		record(release, "release.started", Map.of("status", ReleaseStatus.APPROVED), after, actor);
		completeIfFull(release, now, actor);
		releases.save(release);
	}

	/** A person moves a running canary to its next step without waiting. */
	void promote(UUID id) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		if (release.status() != ReleaseStatus.IN_PROGRESS) {
			throw new IllegalStateException(
					"release is " + release.status() + "; only an IN_PROGRESS release is promoted");
		}
		Strategy.Step next = release.nextStep()
			.orElseThrow(() -> new IllegalStateException("release is at its last step"));
		if (next.requiresConfirmation()) {
			boolean owner = applications.find(release.application())
				.map(app -> org.releasegate.identity.Caller.current().owns(app.name(), app.owners()))
				.orElse(false);
			if (!owner) {
				throw new DecisionForbidden("step " + (release.currentStep() + 1) + " (" + next.weight()
						+ "%) needs the confirmation of a product owner of " + release.application());
			}
		}
		advance(release, Map.of("promotedBy", caller.name()), Actor.current());
	}

	/** The conductor moves a canary whose pause passed and whose gate holds. */
	void advanceOnSchedule(Release release) {
		advance(release, Map.of("by", "schedule: pause passed and health gate holds"), Actor.SYSTEM);
	}

	private void advance(Release release, Map<String, Object> extra, Actor actor) {
		Instant now = clock.instant();
		Map<String, Object> before = step(release);
		release.reachStep(release.currentStep() + 1, now);
		StepSplit.shift(traffic, release, "release " + release.id() + " step " + release.currentStep());
		Map<String, Object> after = new LinkedHashMap<>(step(release));
		after.putAll(extra);
		record(release, "release.step-reached", before, after, actor);
		completeIfFull(release, now, actor);
		releases.save(release);
	}

	private void completeIfFull(Release release, Instant now, Actor actor) {
		if (release.atFullTraffic()) {
			release.complete(now);
			record(release, "release.completed", Map.of("status", ReleaseStatus.IN_PROGRESS),
					Map.of("status", release.status(), "candidate", release.candidateVersion()), actor);
		}
	}

	void pause(UUID id) {
		Release release = releases.lock(id);
		release.pause();
		record(release, "release.paused", Map.of("status", ReleaseStatus.IN_PROGRESS),
				Map.of("status", release.status(), "step", release.currentStep()), Actor.current());
		releases.save(release);
	}

	void resume(UUID id) {
		Release release = releases.lock(id);
		release.resume(clock.instant());
		record(release, "release.resumed", Map.of("status", ReleaseStatus.PAUSED),
				Map.of("status", release.status(), "step", release.currentStep()), Actor.current());
		releases.save(release);
	}

	/**
	 * A person rolls back at once, whatever the plan says, which also ends a gradual
	 * rollback: the release page's "Roll back now". The REST API lets the caller choose
	 * ({@link ReleaseRollbacks#rollBack(UUID, String, Strategy.Rollback.Mode)}).
	 */
	void rollBack(UUID id, String reason) {
		rollbacks.rollBack(id, reason, Strategy.Rollback.Mode.INSTANT);
	}

	/**
	 * Counts a gate evaluation made by the conductor; rolls the release back when the
	 * gate failed too often in a row. Says whether the release may go on.
	 */
	boolean countGate(Release release, GateVerdict verdict) {
		Instant now = clock.instant();
		gateResults.add(release.id(), release.currentStep(), now, verdict.passed(), verdict.evidence());
		boolean rollBack = release.countGate(verdict.passed(), verdict.failuresToRollBack(), now);
		if (rollBack) {
			// a failing candidate loses its traffic at once, also in a gradual rollback
			String during = release.status() == ReleaseStatus.ROLLING_BACK ? " during the gradual rollback" : "";
			rollbacks.rollBack(release, "health gate failed " + release.gateFailures() + " times in a row" + during,
					Actor.SYSTEM, verdict.evidence());
			return false;
		}
		releases.save(release);
		return verdict.passed();
	}

	/** Where a release stands, for its audit events. */
	static Map<String, Object> step(Release release) {
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("status", release.status());
		step.put("step", release.currentStep());
		if (release.currentStep() != null) {
			step.put("candidatePercent", release.candidatePercent());
		}
		return step;
	}

	private void record(Release release, String action, Object before, Object after, Actor actor) {
		audit.record(AuditEntry.of(action, "release", release.id())
			.in(release.application(), release.environment())
			.before(before)
			.after(after), actor);
	}

}
