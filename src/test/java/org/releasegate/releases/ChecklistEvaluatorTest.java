package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentState;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.releases.ChecklistItem.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ChecklistEvaluatorTest {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	final Map<UUID, DeploymentSummary> known = new HashMap<>();

	StableDeployments.BindingCheck binding = new StableDeployments.BindingCheck(
			StableDeployments.BindingCheck.State.WORKS, "router binding: the load balancer reports {a=100.0}");

	final ChecklistEvaluator evaluator = new ChecklistEvaluator(new FakeCatalog(), new StableDeployments() {
		@Override
		public Optional<DeploymentSummary> stable(String application, String environment) {
			return Optional.empty();
		}

		@Override
		public BindingCheck binding(String application, String environment) {
			return binding;
		}
	});

	DeploymentSummary deployment(String version, DeploymentState state, DeploymentHealth health, Instant recordedAt) {
		DeploymentSummary d = new DeploymentSummary(UUID.randomUUID(), "checkout", "production", version,
				"checkout-" + version, state, health, null, null, 0, recordedAt);
		known.put(d.id(), d);
		return d;
	}

	Release release(DeploymentSummary candidate, DeploymentSummary stable, String contact) {
		return Release.request(new NewRelease("checkout", "production", candidate.id(), candidate.version(),
				stable == null ? null : stable.id(), stable == null ? null : stable.version(), Strategy.ALL_AT_ONCE,
				null, contact, null, null, "erin"), NOW);
	}

	static ChecklistItem item(ChecklistEvaluator.Checklist checklist, String key) {
		return checklist.items().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void normalBehaviourFollowsTheMetricsGateWhereThereIsOne() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.HEALTHY, NOW);
		GateVerdict[] measured = { new GateVerdict(true, true, "prometheus 'errors' = 0.001 (BELOW 0.05): ok", 3) };
		ChecklistEvaluator withMetrics = new ChecklistEvaluator(new FakeCatalog(), new StableDeployments() {
			@Override
			public Optional<DeploymentSummary> stable(String application, String environment) {
				return Optional.empty();
			}

			@Override
			public BindingCheck binding(String application, String environment) {
				return binding;
			}
		}, release -> Optional.of(measured[0]));
		ChecklistItem passed = item(withMetrics.evaluate(release(candidate, null, "x"), PolicyRules.DEFAULTS, NOW),
				"normal-behaviour");
		assertThat(passed.status()).isEqualTo(Status.PASSED);
		assertThat(passed.evidence()).contains("0.001");
		measured[0] = new GateVerdict(true, false, "prometheus 'errors' = 0.3 (BELOW 0.05): FAILED", 3);
		assertThat(
				item(withMetrics.evaluate(release(candidate, null, "x"), PolicyRules.DEFAULTS, NOW), "normal-behaviour")
					.status())
			.isEqualTo(Status.FAILED);
		assertThat(
				item(evaluator.evaluate(release(candidate, null, "x"), PolicyRules.DEFAULTS, NOW), "normal-behaviour")
					.evidence())
			.as("without metrics an engineer attests")
			.contains("attests");
	}

	@Test
	void aFreshReleaseListsTheSixDefaultsThenCustomItems() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.HEALTHY,
				NOW.minus(Duration.ofMinutes(2)));
		PolicyRules rules = new PolicyRules(2, 5, List.of(), List.of(),
				List.of(new CustomCheck("docs-updated", "Docs updated")), null);
		ChecklistEvaluator.Checklist checklist = evaluator.evaluate(release(candidate, null, null), rules, NOW);
		assertThat(checklist.items()).extracting(ChecklistItem::key)
			.containsExactly("soak", "normal-behaviour", "rollback-path", "product-ready", "release-window", "contact",
					"docs-updated");
		assertThat(item(checklist, "soak").status()).isEqualTo(Status.PENDING);
		assertThat(item(checklist, "soak").evidence()).isEqualTo("running 2 min of 5, health HEALTHY");
		assertThat(item(checklist, "normal-behaviour").status()).isEqualTo(Status.PENDING);
		assertThat(item(checklist, "rollback-path").status()).isEqualTo(Status.PASSED);
		assertThat(item(checklist, "rollback-path").evidence()).startsWith("first release");
		assertThat(item(checklist, "product-ready").evidence()).isEqualTo("0 of 2 approvals");
		assertThat(item(checklist, "release-window").status()).isEqualTo(Status.PASSED);
		assertThat(item(checklist, "contact").status()).isEqualTo(Status.PENDING);
		assertThat(item(checklist, "docs-updated").status()).isEqualTo(Status.PENDING);
		assertThat(checklist.othersGreen()).isFalse();
	}

	@Test
	void greenWhenSoakedAttestedAndContactNamed() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.UNKNOWN,
				NOW.minus(Duration.ofMinutes(12)));
		Release release = release(candidate, null, "pager: alice");
		release.attest("normal-behaviour", "error rate flat", "erin", NOW);
		ChecklistEvaluator.Checklist checklist = evaluator.evaluate(release, PolicyRules.DEFAULTS, NOW);
		assertThat(item(checklist, "soak").evidence()).isEqualTo("running 12 min (policy: 5 min), health UNKNOWN");
		assertThat(item(checklist, "normal-behaviour").evidence()).isEqualTo("attested by erin: error rate flat");
		assertThat(item(checklist, "normal-behaviour").evaluatedBy()).isEqualTo("erin");
		assertThat(item(checklist, "contact").evidence()).isEqualTo("on call: pager: alice");
		assertThat(checklist.othersGreen()).isTrue();
		assertThat(item(checklist, "product-ready").status()).isEqualTo(Status.PENDING);
	}

	@Test
	void anUnhealthyCandidateFailsSoakWhateverItsAge() {
		for (DeploymentHealth bad : List.of(DeploymentHealth.DEGRADED, DeploymentHealth.FAILING)) {
			DeploymentSummary candidate = deployment("1.5.0-" + bad, DeploymentState.RUNNING, bad,
					NOW.minus(Duration.ofHours(5)));
			ChecklistItem soak = item(evaluator.evaluate(release(candidate, null, "x"), PolicyRules.DEFAULTS, NOW),
					"soak");
			assertThat(soak.status()).isEqualTo(Status.FAILED);
			assertThat(soak.evidence()).contains(bad.name());
		}
	}

	@Test
	void rollbackPathNeedsTheStableDeploymentRunning() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.HEALTHY, NOW);
		DeploymentSummary stable = deployment("1.4.0", DeploymentState.RUNNING, DeploymentHealth.HEALTHY, NOW);
		ChecklistItem path = item(evaluator.evaluate(release(candidate, stable, "x"), PolicyRules.DEFAULTS, NOW),
				"rollback-path");
		assertThat(path.status()).isEqualTo(Status.PASSED);
		assertThat(path.evidence())
			.isEqualTo("stable 1.4.0 is RUNNING; router binding: the load balancer reports {a=100.0}");

		binding = StableDeployments.BindingCheck.notConfigured();
		assertThat(item(evaluator.evaluate(release(candidate, stable, "x"), PolicyRules.DEFAULTS, NOW), "rollback-path")
			.status()).as("no binding, no way back").isEqualTo(Status.FAILED);

		binding = new StableDeployments.BindingCheck(StableDeployments.BindingCheck.State.FAILS,
				"router binding: HAProxy socket refused the connection");
		assertThat(item(evaluator.evaluate(release(candidate, stable, "x"), PolicyRules.DEFAULTS, NOW), "rollback-path")
			.status()).isEqualTo(Status.FAILED);

		DeploymentSummary retired = deployment("1.3.0", DeploymentState.RETIRED, DeploymentHealth.HEALTHY, NOW);
		ChecklistItem gone = item(evaluator.evaluate(release(candidate, retired, "x"), PolicyRules.DEFAULTS, NOW),
				"rollback-path");
		assertThat(gone.status()).isEqualTo(Status.FAILED);
		assertThat(gone.evidence()).contains("no way back");
	}

	@Test
	void aWaiverShowsForGoodWithWhoAndWhy() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.FAILING, NOW);
		Release release = release(candidate, null, "x");
		release.waive("soak", "hotfix for outage", "maria", NOW);
		ChecklistItem soak = item(evaluator.evaluate(release, PolicyRules.DEFAULTS, NOW), "soak");
		assertThat(soak.status()).isEqualTo(Status.WAIVED);
		assertThat(soak.evidence()).isEqualTo("waived by maria: hotfix for outage");
		assertThat(soak.evaluatedBy()).isEqualTo("maria");
	}

	@Test
	void productReadyCountsApprovalsAndShowsRejection() {
		DeploymentSummary candidate = deployment("1.5.0", DeploymentState.RUNNING, DeploymentHealth.HEALTHY, NOW);
		PolicyRules two = new PolicyRules(2, 5, List.of(), List.of(), List.of(), null);
		Release release = release(candidate, null, "x");
		release.approve("paula", null, NOW);
		assertThat(item(evaluator.evaluate(release, two, NOW), "product-ready").evidence())
			.isEqualTo("1 of 2 approvals: paula");
		release.approve("peter", null, NOW);
		ChecklistItem ready = item(evaluator.evaluate(release, two, NOW), "product-ready");
		assertThat(ready.status()).isEqualTo(Status.PASSED);
		assertThat(ready.evidence()).isEqualTo("2 of 2 approvals: paula, peter");

		Release rejected = release(candidate, null, "x");
		rejected.reject("paula", "not yet", NOW);
		ChecklistItem no = item(evaluator.evaluate(rejected, two, NOW), "product-ready");
		assertThat(no.status()).isEqualTo(Status.FAILED);
		assertThat(no.evidence()).isEqualTo("rejected by paula: not yet");
	}

	class FakeCatalog implements DeploymentCatalog {

		@Override
		public Optional<DeploymentSummary> find(UUID id) {
			return Optional.ofNullable(known.get(id));
		}

		@Override
		public Optional<DeploymentSummary> find(String application, String environment, String version) {
			return known.values().stream().filter(d -> d.version().equals(version)).findFirst();
		}

		@Override
		public List<DeploymentSummary> running(String application, String environment) {
			return known.values().stream().filter(DeploymentSummary::isRunning).toList();
		}

		@Override
		public List<String> environments(String application) {
			return List.of("production");
		}

		@Override
		public org.releasegate.common.Slice<DeploymentSummary> history(String application, String environment,
				String cursor, int limit) {
			return new org.releasegate.common.Slice<>(List.copyOf(known.values()), null);
		}

		@Override
		public List<EnvironmentDeployments> runningIn(java.util.Collection<String> applications) {
			return List.of();
		}

	}

}
