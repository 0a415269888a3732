package org.releasegate.releases;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CatalogOfReleases implements ReleaseCatalog {

	private static final int MAX = 50;

	private final Releases releases;

	private final ReleasePolicies policies;

	private final Inbox inbox;

	CatalogOfReleases(Releases releases, ReleasePolicies policies, Inbox inbox) {
		this.releases = releases;
		this.policies = policies;
		this.inbox = inbox;
	}

	@Override
	public List<ReleaseLine> history(String application, int limit) {
		return releases.findTop50ByApplicationOrderByRequestedAtDescIdDesc(application)
			.stream()
			.limit(Math.min(limit, MAX))
			.map(r -> new ReleaseLine(r.id(), r.environment(), r.status(), r.stableVersion(), r.candidateVersion(),
					r.requestedBy(), r.requestedAt()))
			.toList();
	}

	@Override
	public List<PolicySummary> policies(String application, Collection<String> environments) {
		Map<String, PolicySummary> byEnvironment = new TreeMap<>();
		environments.forEach(env -> byEnvironment.put(env, summary(env, PolicyRules.DEFAULTS, null, null, false)));
		for (ReleasePolicy policy : policies.findByApplicationOrderByEnvironment(application)) {
			byEnvironment.put(policy.environment(), summary(policy.environment(), policy.rules(), policy.updatedBy(),
					policy.updatedAt(), policy.updatedAt() != null));
		}
		return List.copyOf(byEnvironment.values());
	}

	@Override
	public List<OpenRelease> open() {
		return releases.findByStatusInOrderByRequestedAt(ReleaseStatus.OPEN)
			.stream()
			.map(CatalogOfReleases::open)
			.toList();
	}

	@Override
	public List<OpenRelease> awaitingDecisionOf(String username) {
		return inbox.releasesAwaiting(username).stream().map(CatalogOfReleases::open).toList();
	}

	@Override
	public Map<ReleaseStatus, Long> countByStatus() {
		Map<ReleaseStatus, Long> counts = new EnumMap<>(ReleaseStatus.class);
		for (ReleaseStatus status : ReleaseStatus.values()) {
			counts.put(status, 0L);
		}
		for (Object[] row : releases.countByStatus()) {
			counts.put((ReleaseStatus) row[0], (Long) row[1]);
		}
		return counts;
	}

	@Override
	public Optional<Instant> requestedAt(UUID release) {
		return releases.findRequestedAt(release);
	}

	private static OpenRelease open(Release r) {
		List<Strategy.Step> plan = r.strategy().plan();
		Integer percent = r.currentStep() == null ? null : plan.get(r.currentStep()).weight();
		return new OpenRelease(r.id(), r.application(), r.environment(), r.status(), r.candidateVersion(),
				r.currentStep(), plan.size(), percent);
	}

	static PolicySummary summary(String environment, PolicyRules rules, String updatedBy, Instant updatedAt,
			boolean custom) {
		return new PolicySummary(environment, rules.requiredApprovals(), rules.soakMinutes(),
				rules.releaseWindows().stream().map(ReleaseWindow::describe).toList(),
				rules.freezes().stream().map(f -> f.from() + " " + f.to() + " " + f.reason()).toList(),
				rules.customChecks().stream().map(c -> c.key() + " " + c.title()).toList(),
				rules.autoApproveAfter() == null ? null : rules.autoApproveAfter().toString(), custom, updatedBy,
				updatedAt);
	}

}
