package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.releases.ChecklistItem.Status;
import org.springframework.stereotype.Component;

/**
 * Evaluates a release's checklist from recorded state: the deployments, the policy, the
 * approvals and marks people left, the router binding as the reconciler last read it and
 * the metrics as the settler last read them. It calls no other system, so it may run
 * under a release's row lock and on every read.
 */
@Component
class ChecklistEvaluator {

	private final DeploymentCatalog deployments;

	private final StableDeployments stable;

	private final MetricsCheck metrics;

	@org.springframework.beans.factory.annotation.Autowired
	ChecklistEvaluator(DeploymentCatalog deployments, StableDeployments stable, MetricsCheck metrics) {
		this.deployments = deployments;
		this.stable = stable;
		this.metrics = metrics;
	}

	ChecklistEvaluator(DeploymentCatalog deployments, StableDeployments stable) {
		this(deployments, stable, release -> Optional.empty());
	}

	/** The evaluated items, and whether every item but product-ready is green. */
	record Checklist(List<ChecklistItem> items, boolean othersGreen) {
	}

	Checklist evaluate(Release release, PolicyRules rules, Instant now) {
		List<ChecklistItem> others = new ArrayList<>();
		others.add(marked(release, ChecklistItem.SOAK, "Soak", now, () -> soak(release, rules, now)));
		others.add(marked(release, ChecklistItem.NORMAL_BEHAVIOUR, "Normal behaviour", now,
				() -> normalBehaviour(release)));
		others.add(marked(release, ChecklistItem.ROLLBACK_PATH, "Rollback path", now, () -> rollbackPath(release)));
		WindowCheck.Outcome window = WindowCheck.evaluate(
				release.scheduledStart() != null ? release.scheduledStart() : now, release.scheduledStart() != null,
				rules.releaseWindows(), rules.freezes());
		others.add(marked(release, ChecklistItem.RELEASE_WINDOW, "Release window", now,
				() -> new Verdict(window.status(), window.evidence())));
		others.add(marked(release, ChecklistItem.CONTACT, "On-call contact", now,
				() -> release.onCallContact() != null
						? new Verdict(Status.PASSED, "on call: " + release.onCallContact())
						: new Verdict(Status.PENDING, "no on-call contact named yet")));
		for (CustomCheck check : rules.customChecks()) {
			others.add(marked(release, check.key(), check.title(), now,
					() -> attested(release, check.key(), "to be attested by an engineer")));
		}
		boolean othersGreen = others.stream().allMatch(item -> item.status().isGreen());
		List<ChecklistItem> items = new ArrayList<>(others);
		items.add(3, productReady(release, rules, now));
		return new Checklist(List.copyOf(items), othersGreen);
	}

	private ChecklistItem productReady(Release release, PolicyRules rules, Instant now) {
		String title = "Product ready";
		String key = ChecklistItem.PRODUCT_READY;
		if (release.status() == ReleaseStatus.REJECTED) {
			return new ChecklistItem(key, title, Status.FAILED,
					"rejected by " + release.decidedBy() + ": " + release.reason(), release.decidedAt(),
					release.decidedBy());
		}
		if (release.approvedByPolicy()) {
			return new ChecklistItem(key, title, Status.PASSED,
					"approved by policy after " + rules.autoApproveAfter() + " of quiet observation without objection",
					release.decidedAt(), "policy");
		}
		List<String> approvers = release.approvers();
		String count = approvers.size() + " of " + rules.requiredApprovals() + " approvals"
				+ (approvers.isEmpty() ? "" : ": " + String.join(", ", approvers));
		if (approvers.size() >= rules.requiredApprovals()) {
			return new ChecklistItem(key, title, Status.PASSED, count, now, approvers.get(approvers.size() - 1));
		}
		if (rules.autoApproveAfter() != null) {
			count += "; the policy approves at "
					+ WindowCheck.describe(release.planChangedAt().plus(rules.autoApproveAfter()), ZoneId.of("UTC"))
					+ " if nobody objects and every other item is green";
		}
		return new ChecklistItem(key, title, Status.PENDING, count, now, ChecklistItem.SYSTEM);
	}

	private Verdict soak(Release release, PolicyRules rules, Instant now) {
		Optional<DeploymentSummary> found = deployments.find(release.candidateDeploymentId());
		if (found.isEmpty() || !found.get().isRunning()) {
			return new Verdict(Status.FAILED, "candidate " + release.candidateVersion() + " no longer runs");
		}
		DeploymentSummary candidate = found.get();
		if (candidate.health() == DeploymentHealth.FAILING || candidate.health() == DeploymentHealth.DEGRADED) {
			return new Verdict(Status.FAILED,
					"candidate " + candidate.version() + " reports health " + candidate.health());
		}
		long running = Duration.between(candidate.recordedAt(), now).toMinutes();
		String health = "health " + candidate.health();
		if (running >= rules.soakMinutes()) {
			return new Verdict(Status.PASSED,
					"running " + running + " min (policy: " + rules.soakMinutes() + " min), " + health);
		}
		return new Verdict(Status.PENDING, "running " + running + " min of " + rules.soakMinutes() + ", " + health);
	}

	private Verdict rollbackPath(Release release) {
		if (release.stableDeploymentId() == null) {
			return new Verdict(Status.PASSED, "first release: no deployment has held traffic in "
					+ release.environment() + " yet, so there is nothing to return to");
		}
		Optional<DeploymentSummary> old = deployments.find(release.stableDeploymentId());
		if (old.isEmpty() || !old.get().isRunning()) {
			return new Verdict(Status.FAILED,
					"stable " + release.stableVersion() + " no longer runs: there is no way back");
		}
		StableDeployments.BindingCheck binding = stable.binding(release.application(), release.environment());
		String evidence = "stable " + release.stableVersion() + " is RUNNING; " + binding.detail();
		// a rollback is a traffic flip: it needs a binding that the reconciler read
		// lately
		return new Verdict(switch (binding.state()) {
			case WORKS -> Status.PASSED;
			case STALE -> Status.PENDING;
			case NOT_CONFIGURED, FAILS -> Status.FAILED;
		}, evidence);
	}

	/**
	 * The application's Prometheus gate decides where there is one; otherwise an engineer
	 * attests.
	 */
	private Verdict normalBehaviour(Release release) {
		Optional<MetricsCheck.Measured> measured = metrics.candidate(release);
		if (measured.isPresent()) {
			return new Verdict(measured.get().status(), measured.get().evidence());
		}
		return attested(release, ChecklistItem.NORMAL_BEHAVIOUR,
				"no metrics gate configured: an engineer attests that error rate and logs are normal");
	}

	private Verdict attested(Release release, String key, String pending) {
		return release.attestation(key)
			.map(mark -> new Verdict(Status.PASSED, "attested by " + mark.markedBy() + ": " + mark.comment(),
					mark.markedAt(), mark.markedBy()))
			.orElse(new Verdict(Status.PENDING, pending));
	}

	private ChecklistItem marked(Release release, String key, String title, Instant now,
			java.util.function.Supplier<Verdict> evaluation) {
		Optional<ChecklistMark> waiver = release.waiver(key);
		if (waiver.isPresent()) {
			ChecklistMark mark = waiver.get();
			return new ChecklistItem(key, title, Status.WAIVED, "waived by " + mark.markedBy() + ": " + mark.comment(),
					mark.markedAt(), mark.markedBy());
		}
		Verdict verdict = evaluation.get();
		return new ChecklistItem(key, title, verdict.status(), verdict.evidence(),
				verdict.at() != null ? verdict.at() : now, verdict.by() != null ? verdict.by() : ChecklistItem.SYSTEM);
	}

	private record Verdict(Status status, String evidence, Instant at, String by) {

		Verdict(Status status, String evidence) {
			this(status, evidence, null, null);
		}

	}

}
