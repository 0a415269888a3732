package org.releasegate.releases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A release as the API shows it, with its checklist as evaluated now. */
record ReleaseView(UUID id, String application, String environment, ReleaseStatus status, String stableVersion,
		UUID stableDeploymentId, String candidateVersion, UUID candidateDeploymentId, StrategyView strategy,
		Integer currentStep, Instant stepStartedAt, Instant scheduledStart, String onCallContact, String summary,
		String ticketUrl, String requestedBy, Instant requestedAt, Instant planChangedAt, int requiredApprovals,
		List<ApprovalView> approvals, List<ApprovalView> voidedApprovals, List<ChecklistItem> checklist,
		boolean checklistGreen, String decidedBy, Instant decidedAt, String reason, boolean approvedByPolicy,
		Instant startedAt, Instant finishedAt, int gateFailures, List<GateResults.GateResult> gateResults, int revision,
		Integer candidatePercent) {

	/**
	 * A view without the candidate's share, which is then taken from the current step.
	 */
	ReleaseView(UUID id, String application, String environment, ReleaseStatus status, String stableVersion,
			UUID stableDeploymentId, String candidateVersion, UUID candidateDeploymentId, StrategyView strategy,
			Integer currentStep, Instant stepStartedAt, Instant scheduledStart, String onCallContact, String summary,
			String ticketUrl, String requestedBy, Instant requestedAt, Instant planChangedAt, int requiredApprovals,
			List<ApprovalView> approvals, List<ApprovalView> voidedApprovals, List<ChecklistItem> checklist,
			boolean checklistGreen, String decidedBy, Instant decidedAt, String reason, boolean approvedByPolicy,
			Instant startedAt, Instant finishedAt, int gateFailures, List<GateResults.GateResult> gateResults,
			int revision) {
		this(id, application, environment, status, stableVersion, stableDeploymentId, candidateVersion,
				candidateDeploymentId, strategy, currentStep, stepStartedAt, scheduledStart, onCallContact, summary,
				ticketUrl, requestedBy, requestedAt, planChangedAt, requiredApprovals, approvals, voidedApprovals,
				checklist, checklistGreen, decidedBy, decidedAt, reason, approvedByPolicy, startedAt, finishedAt,
				gateFailures, gateResults, revision, shareAt(strategy, status, currentStep));
	}

	private static Integer shareAt(StrategyView strategy, ReleaseStatus status, Integer step) {
		if (step == null || strategy == null) {
			return null;
		}
		if (status == ReleaseStatus.ROLLED_BACK) {
			return 0;
		}
		return strategy.steps().isEmpty() ? 100 : strategy.steps().get(step).weight();
	}

	static ReleaseView of(Release r, PolicyRules rules, ChecklistEvaluator.Checklist checklist,
			List<GateResults.GateResult> gateResults) {
		List<ApprovalView> counting = r.approvals().stream().filter(Approval::counts).map(ApprovalView::of).toList();
		List<ApprovalView> voided = r.approvals().stream().filter(Approval::voided).map(ApprovalView::of).toList();
		boolean green = checklist.items().stream().allMatch(item -> item.status().isGreen());
		return new ReleaseView(r.id(), r.application(), r.environment(), r.status(), r.stableVersion(),
				r.stableDeploymentId(), r.candidateVersion(), r.candidateDeploymentId(), StrategyView.of(r.strategy()),
				r.currentStep(), r.stepStartedAt(), r.scheduledStart(), r.onCallContact(), r.summary(), r.ticketUrl(),
				r.requestedBy(), r.requestedAt(), r.planChangedAt(), rules.requiredApprovals(), counting, voided,
				checklist.items(), green, r.decidedBy(), r.decidedAt(), r.reason(), r.approvedByPolicy(), r.startedAt(),
				r.finishedAt(), r.gateFailures(), gateResults, r.revision(), r.candidatePercent());
	}

	/** A strategy as shown: pauses as ISO-8601 durations. */
	record StrategyView(Strategy.Type type, List<StepView> steps, RollbackView rollback) {

		StrategyView(Strategy.Type type, List<StepView> steps) {
			this(type, steps, new RollbackView(Strategy.Rollback.Mode.INSTANT, null));
		}

		static StrategyView of(Strategy strategy) {
			Strategy.Rollback rollback = strategy.rollback();
			return new StrategyView(strategy.type(),
					strategy.steps()
						.stream()
						.map(s -> new StepView(s.weight(), s.pause().toString(), s.requiresConfirmation()))
						.toList(),
					new RollbackView(rollback.mode(),
							rollback.stepPause() == null ? null : rollback.stepPause().toString()));
		}

	}

	/** How a rollback moves traffic back; the step pause as an ISO-8601 duration. */
	record RollbackView(Strategy.Rollback.Mode mode, String stepPause) {
	}

	record StepView(int weight, String pause, boolean requiresConfirmation) {
	}

	record ApprovalView(String by, Approval.Decision decision, String comment, Instant decidedAt) {

		static ApprovalView of(Approval a) {
			return new ApprovalView(a.username(), a.decision(), a.comment(), a.decidedAt());
		}

	}

	/** A line of a release listing. */
	record Line(UUID id, String application, String environment, ReleaseStatus status, String stableVersion,
			String candidateVersion, Strategy.Type strategy, Instant scheduledStart, String requestedBy,
			Instant requestedAt, List<String> approvedBy) {

		static Line of(Release r) {
			return new Line(r.id(), r.application(), r.environment(), r.status(), r.stableVersion(),
					r.candidateVersion(), r.strategy().type(), r.scheduledStart(), r.requestedBy(), r.requestedAt(),
					r.approvers());
		}

	}

}
