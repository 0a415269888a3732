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
		Instant startedAt, Instant finishedAt, int gateFailures, List<GateResults.GateResult> gateResults,
		int revision) {

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
				r.finishedAt(), r.gateFailures(), gateResults, r.revision());
	}

	/** A strategy as shown: pauses as ISO-8601 durations. */
	record StrategyView(Strategy.Type type, List<StepView> steps) {

		static StrategyView of(Strategy strategy) {
			return new StrategyView(strategy.type(),
					strategy.steps()
						.stream()
						.map(s -> new StepView(s.weight(), s.pause().toString(), s.requiresConfirmation()))
						.toList());
		}

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
