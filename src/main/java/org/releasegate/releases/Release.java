package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.releasegate.common.ConflictException;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * A request to move traffic from the stable deployment to a candidate, and its whole
 * lifecycle. Every change is a method that checks {@link ReleaseStatus#canMoveTo} (or the
 * state it needs) and registers an event; nothing outside sets the status.
 */
@Entity
@Table(name = "releases")
class Release extends AbstractAggregateRoot<Release> implements Persistable<UUID> {

	@Id
	private UUID id;

	private String application;

	private String environment;

	@Enumerated(EnumType.STRING)
	private ReleaseStatus status;

	private UUID candidateDeploymentId;

	private String candidateVersion;

	private UUID stableDeploymentId;

	private String stableVersion;

	@Enumerated(EnumType.STRING)
	private Strategy.Type strategyType;

	private String strategySteps;

	@Enumerated(EnumType.STRING)
	private Strategy.Rollback.Mode rollbackMode;

	/** ISO-8601, only for a GRADUAL rollback. */
	private String rollbackStepPause;

	private Integer currentStep;

	private Instant stepStartedAt;

	private Instant scheduledStart;

	private String onCallContact;

	private String summary;

	private String ticketUrl;

	private String requestedBy;

	private Instant requestedAt;

	private Instant planChangedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	private boolean approvedByPolicy;

	private Instant startedAt;

	private Instant finishedAt;

	private int gateFailures;

	private Instant lastGateAt;

	@ElementCollection
	@CollectionTable(name = "release_approvals", joinColumns = @JoinColumn(name = "release_id"))
	@OrderBy("decidedAt")
	private List<Approval> approvals = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "release_checklist_marks", joinColumns = @JoinColumn(name = "release_id"))
	@OrderBy("markedAt")
	private List<ChecklistMark> marks = new ArrayList<>();

	@Version
	private int revision;

	@Transient
	private boolean fresh;

	protected Release() {
	}

	static Release request(NewRelease request, Instant now) {
		if (request.stableId() == null && request.strategy().type() == Strategy.Type.CANARY) {
			throw new InvalidField("strategy.type", "a first release (no stable deployment yet) is ALL_AT_ONCE");
		}
		Release release = new Release();
		release.id = UUID.randomUUID();
		release.fresh = true;
		release.application = request.application();
		release.environment = request.environment();
		release.status = ReleaseStatus.REQUESTED;
		release.candidateDeploymentId = request.candidateId();
		release.candidateVersion = request.candidateVersion();
		release.stableDeploymentId = request.stableId();
		release.stableVersion = request.stableVersion();
		release.setStrategy(request.strategy());
		release.scheduledStart = request.scheduledStart();
		release.onCallContact = blankToNull(request.onCallContact());
		release.summary = request.summary();
		release.ticketUrl = request.ticketUrl();
		release.requestedBy = request.requestedBy();
		release.requestedAt = now;
		release.planChangedAt = now;
		release.registerEvent(new ReleaseRequested(release.id, release.application, release.environment,
				release.candidateVersion, release.requestedBy));
		return release;
	}

	// --- approval workflow ---

	/** A product owner approves; the requester never may (four eyes). */
	Release approve(String username, String comment, Instant now) {
		requireDeciding(username);
		if (username.equals(requestedBy)) {
			throw new DecisionForbidden("the requester cannot approve their own release (four eyes)");
		}
		approvals.add(new Approval(username, Approval.Decision.APPROVE, blankToNull(comment), now));
		return this;
	}

	/** A product owner rejects, saying why; the release is closed. */
	Release reject(String username, String comment, Instant now) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidField("comment", "a rejection needs a comment");
		}
		requireDeciding(username);
		moveTo(ReleaseStatus.REJECTED);
		approvals.add(new Approval(username, Approval.Decision.REJECT, comment, now));
		decidedBy = username;
		decidedAt = now;
		reason = comment;
		finishedAt = now;
		registerEvent(new ReleaseRejected(id, application, environment, username, comment));
		return this;
	}

	private void requireDeciding(String username) {
		if (status != ReleaseStatus.REQUESTED) {
			throw new IllegalStateException("release is " + status + "; decisions are taken while it is REQUESTED");
		}
		if (approvers().contains(username)) {
			throw new ConflictException(username + " has already approved this release");
		}
	}

	/** The people whose approvals count, in the order they gave them. */
	List<String> approvers() {
		return approvals.stream()
			.filter(a -> a.counts() && a.decision() == Approval.Decision.APPROVE)
			.map(Approval::username)
			.distinct()
			.toList();
	}

	/** Whether the policy may approve: no objection for the whole quiet period. */
	boolean quietFor(Duration autoApproveAfter, Instant now) {
		return autoApproveAfter != null && !now.isBefore(planChangedAt.plus(autoApproveAfter));
	}

	/**
	 * Becomes APPROVED when enough product owners approved (or the policy's quiet period
	 * passed) and every other checklist item is green. Says whether it did.
	 */
	boolean approveIfReady(boolean otherChecksGreen, int requiredApprovals, Duration autoApproveAfter, Instant now) {
		if (!readyToApprove(otherChecksGreen, requiredApprovals, autoApproveAfter, now)) {
			return false;
		}
		boolean byOwners = approvers().size() >= requiredApprovals;
		moveTo(ReleaseStatus.APPROVED);
		approvedByPolicy = !byOwners;
		decidedBy = byOwners ? approvers().get(approvers().size() - 1) : "policy";
		decidedAt = now;
		registerEvent(new ReleaseApproved(id, application, environment, approvers(), approvedByPolicy));
		return true;
	}

	boolean readyToApprove(boolean otherChecksGreen, int requiredApprovals, Duration autoApproveAfter, Instant now) {
		return status == ReleaseStatus.REQUESTED && otherChecksGreen
				&& (approvers().size() >= requiredApprovals || quietFor(autoApproveAfter, now));
	}

	/** A new strategy, schedule or contact: every approval given so far is void. */
	Release changePlan(Strategy strategy, Instant scheduledStart, String onCallContact, Instant now) {
		if (status != ReleaseStatus.REQUESTED) {
			throw new IllegalStateException("release is " + status + "; its plan can change only while REQUESTED");
		}
		if (stableDeploymentId == null && strategy.type() == Strategy.Type.CANARY) {
			throw new InvalidField("strategy.type", "a first release (no stable deployment yet) is ALL_AT_ONCE");
		}
		setStrategy(strategy);
		this.scheduledStart = scheduledStart;
		this.onCallContact = blankToNull(onCallContact);
		this.planChangedAt = now;
		approvals.forEach(Approval::voidIt);
		return this;
	}

	Release cancel(String byActor, String why, Instant now) {
		moveTo(ReleaseStatus.CANCELLED);
		decidedBy = byActor;
		decidedAt = now;
		reason = blankToNull(why);
		finishedAt = now;
		registerEvent(new ReleaseCancelled(id, application, environment, byActor, reason));
		return this;
	}

	// --- checklist marks ---

	Release attest(String key, String comment, String byActor, Instant now) {
		requireMarkable(key, comment);
		approvalsStillOpen();
		marks.add(new ChecklistMark(key, ChecklistMark.Kind.ATTESTED, comment, byActor, now));
		return this;
	}

	Release waive(String key, String why, String byActor, Instant now) {
		requireMarkable(key, why);
		marks.add(new ChecklistMark(key, ChecklistMark.Kind.WAIVED, why, byActor, now));
		return this;
	}

	private void approvalsStillOpen() {
		if (status != ReleaseStatus.REQUESTED) {
			throw new IllegalStateException("release is " + status + "; items are attested while it is REQUESTED");
		}
	}

	private void requireMarkable(String key, String comment) {
		if (comment == null || comment.isBlank()) {
			throw new InvalidField("comment", "say why: a comment is required");
		}
		if (status != ReleaseStatus.REQUESTED && status != ReleaseStatus.APPROVED) {
			throw new IllegalStateException("release is " + status + "; its checklist is closed");
		}
		if (waiver(key).isPresent()) {
			throw new ConflictException("checklist item '" + key + "' is waived; a waiver stands for good");
		}
	}

	Optional<ChecklistMark> waiver(String key) {
		return marks.stream().filter(m -> m.key().equals(key) && m.kind() == ChecklistMark.Kind.WAIVED).findFirst();
	}

	Optional<ChecklistMark> attestation(String key) {
		return marks.stream()
			.filter(m -> m.key().equals(key) && m.kind() == ChecklistMark.Kind.ATTESTED)
			.reduce((first, second) -> second);
	}

	// --- execution (driven by the traffic side) ---

	Release start(Instant now) {
		moveTo(ReleaseStatus.IN_PROGRESS);
		startedAt = now;
		currentStep = 0;
		stepStartedAt = now;
		registerEvent(new ReleaseStarted(id, application, environment, stableDeploymentId, candidateDeploymentId));
		registerEvent(new ReleaseStepReached(id, application, environment, 0, strategy().plan().get(0).weight()));
		registerIfAwaitingConfirmation();
		return this;
	}

	Release reachStep(int step, Instant now) {
		if (status != ReleaseStatus.IN_PROGRESS) {
			throw new IllegalStateException("release is " + status + "; steps are reached while IN_PROGRESS");
		}
		List<Strategy.Step> plan = strategy().plan();
		if (step != currentStep + 1 || step >= plan.size()) {
			throw new IllegalStateException(
					"release is at step " + currentStep + " of " + plan.size() + "; it cannot go to step " + step);
		}
		currentStep = step;
		stepStartedAt = now;
		registerEvent(new ReleaseStepReached(id, application, environment, step, plan.get(step).weight()));
		registerIfAwaitingConfirmation();
		return this;
	}

	/** A product owner must promote the canary to its next step. */
	private void registerIfAwaitingConfirmation() {
		nextStep().filter(Strategy.Step::requiresConfirmation)
			.ifPresent(next -> registerEvent(
					new ReleaseAwaitingConfirmation(id, application, environment, currentStep + 1, next.weight())));
	}

	Release pause() {
		moveTo(ReleaseStatus.PAUSED);
		registerEvent(new ReleasePaused(id, application, environment, currentStep));
		return this;
	}

	Release resume(Instant now) {
		moveTo(ReleaseStatus.IN_PROGRESS);
		// the step's pause counts again from here: the candidate is observed afresh
		stepStartedAt = now;
		registerEvent(new ReleaseResumed(id, application, environment, currentStep));
		return this;
	}

	Release complete(Instant now) {
		if (status == ReleaseStatus.IN_PROGRESS && currentStep != strategy().plan().size() - 1) {
			throw new IllegalStateException("release is at step " + currentStep + "; it completes at the last step");
		}
		moveTo(ReleaseStatus.COMPLETED);
		finishedAt = now;
		registerEvent(new ReleaseCompleted(id, application, environment, candidateDeploymentId));
		return this;
	}

	/**
	 * All traffic back to the stable deployment at once, from a running, paused or
	 * completed release, or to end a gradual rollback now. The decision is recorded as
	 * the one that closed the release.
	 */
	Release rollBack(String why, String byActor, Instant now) {
		requireRollback(why, ReleaseStatus.ROLLED_BACK);
		moveTo(ReleaseStatus.ROLLED_BACK);
		decidedBy = byActor;
		decidedAt = now;
		reason = why;
		finishedAt = now;
		registerEvent(new ReleaseRolledBack(id, application, environment, stableDeploymentId, why, byActor));
		return this;
	}

	/**
	 * Whether a gradual rollback has steps to walk: the plan asks for one and the
	 * candidate holds more than the first step's share. From the first step the way back
	 * is a single step to 0%, the same as an instant rollback.
	 */
	boolean walksBack() {
		return strategy().rollback().gradual() && currentStep != null && currentStep > 0;
	}

	/**
	 * A gradual rollback begins: the candidate goes back to the share of the step before
	 * the current one at once; {@link #stepBack} takes the next ones.
	 */
	Release startRollback(String why, String byActor, Instant now) {
		requireRollback(why, ReleaseStatus.ROLLING_BACK);
		if (!walksBack()) {
			throw new IllegalStateException("release is at step " + currentStep + " with a "
					+ strategy().rollback().mode() + " rollback; there are no steps to walk back");
		}
		moveTo(ReleaseStatus.ROLLING_BACK);
		decidedBy = byActor;
		decidedAt = now;
		reason = why;
		registerEvent(new ReleaseRollbackStarted(id, application, environment, stableDeploymentId, why, byActor));
		stepBackOne(now);
		return this;
	}

	/**
	 * The next step of a gradual rollback: the share of the step before, or, from the
	 * first step, none at all, which ends the release ROLLED_BACK.
	 */
	Release stepBack(Instant now) {
		if (status != ReleaseStatus.ROLLING_BACK) {
			throw new IllegalStateException("release is " + status + "; it steps back while ROLLING_BACK");
		}
		if (currentStep > 0) {
			stepBackOne(now);
			return this;
		}
		moveTo(ReleaseStatus.ROLLED_BACK);
		finishedAt = now;
		registerEvent(new ReleaseRolledBack(id, application, environment, stableDeploymentId, reason, decidedBy));
		return this;
	}

	private void stepBackOne(Instant now) {
		currentStep = currentStep - 1;
		stepStartedAt = now;
		registerEvent(new ReleaseSteppedBack(id, application, environment, currentStep,
				strategy().plan().get(currentStep).weight()));
	}

	private void requireRollback(String why, ReleaseStatus next) {
		if (why == null || why.isBlank()) {
			throw new InvalidField("reason", "a rollback needs a reason");
		}
		if (!status.canMoveTo(next)) {
			throw new IllegalStateException(status == ReleaseStatus.ROLLING_BACK
					? "release is already ROLLING_BACK; an INSTANT rollback ends it now"
					: "release is " + status + "; only a running, paused or completed release can be rolled back");
		}
		if (stableDeploymentId == null) {
			throw new IllegalStateException("a first release has no stable deployment to return to");
		}
	}

	/** The split a step asks for: the candidate gets its weight, the stable the rest. */
	Map<UUID, Integer> splitAt(int step) {
		int weight = strategy().plan().get(step).weight();
		Map<UUID, Integer> split = new LinkedHashMap<>();
		if (stableDeploymentId != null) {
			split.put(stableDeploymentId, 100 - weight);
		}
		split.put(candidateDeploymentId, stableDeploymentId == null ? 100 : weight);
		return split;
	}

	/** The step after the current one, if the plan has one. */
	Optional<Strategy.Step> nextStep() {
		List<Strategy.Step> plan = strategy().plan();
		return currentStep == null || currentStep + 1 >= plan.size() ? Optional.empty()
				: Optional.of(plan.get(currentStep + 1));
	}

	/**
	 * The candidate's share as this release decided it: none before the start and after a
	 * rollback, else the weight of the current step.
	 */
	Integer candidatePercent() {
		if (currentStep == null) {
			return null;
		}
		return status == ReleaseStatus.ROLLED_BACK ? 0 : strategy().plan().get(currentStep).weight();
	}

	boolean atFullTraffic() {
		return currentStep != null && strategy().plan().get(currentStep).weight() == 100;
	}

	/**
	 * Counts a health-gate evaluation; says whether the failures in a row have reached
	 * the number that rolls the release back.
	 */
	boolean countGate(boolean passed, int failuresToRollBack, Instant now) {
		lastGateAt = now;
		gateFailures = passed ? 0 : gateFailures + 1;
		return !passed && gateFailures >= failuresToRollBack;
	}

	/**
	 * Counts a DEGRADED or FAILING report the candidate pushed; leaves the time of the
	 * last evaluation alone, so that probe and Prometheus keep their interval. Says
	 * whether the release must roll back.
	 */
	boolean countFailedReport(int failuresToRollBack) {
		gateFailures++;
		return gateFailures >= failuresToRollBack;
	}

	private void moveTo(ReleaseStatus next) {
		if (!status.canMoveTo(next)) {
			throw new IllegalStateException("release is " + status + "; it cannot become " + next);
		}
		status = next;
	}

	private void setStrategy(Strategy strategy) {
		this.strategyType = strategy.type();
		this.strategySteps = strategy.encodeSteps();
		this.rollbackMode = strategy.rollback().mode();
		this.rollbackStepPause = strategy.rollback().stepPause() == null ? null
				: strategy.rollback().stepPause().toString();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	Strategy strategy() {
		return Strategy.decode(strategyType, strategySteps,
				new Strategy.Rollback(rollbackMode == null ? Strategy.Rollback.Mode.INSTANT : rollbackMode,
						rollbackStepPause == null ? null : Duration.parse(rollbackStepPause)));
	}

	UUID id() {
		return id;
	}

	String application() {
		return application;
	}

	String environment() {
		return environment;
	}

	ReleaseStatus status() {
		return status;
	}

	UUID candidateDeploymentId() {
		return candidateDeploymentId;
	}

	String candidateVersion() {
		return candidateVersion;
	}

	UUID stableDeploymentId() {
		return stableDeploymentId;
	}

	String stableVersion() {
		return stableVersion;
	}

	Integer currentStep() {
		return currentStep;
	}

	Instant stepStartedAt() {
		return stepStartedAt;
	}

	Instant scheduledStart() {
		return scheduledStart;
	}

	String onCallContact() {
		return onCallContact;
	}

	String summary() {
		return summary;
	}

	String ticketUrl() {
		return ticketUrl;
	}

	String requestedBy() {
		return requestedBy;
	}

	Instant requestedAt() {
		return requestedAt;
	}

	Instant planChangedAt() {
		return planChangedAt;
	}

	String decidedBy() {
		return decidedBy;
	}

	Instant decidedAt() {
		return decidedAt;
	}

	String reason() {
		return reason;
	}

	boolean approvedByPolicy() {
		return approvedByPolicy;
	}

	Instant startedAt() {
		return startedAt;
	}

	Instant finishedAt() {
		return finishedAt;
	}

	List<Approval> approvals() {
		return List.copyOf(approvals);
	}

	List<ChecklistMark> marks() {
		return List.copyOf(marks);
	}

	int gateFailures() {
		return gateFailures;
	}

	Instant lastGateAt() {
		return lastGateAt;
	}

	int revision() {
		return revision;
	}

}
