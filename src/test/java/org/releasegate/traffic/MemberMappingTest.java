package org.releasegate.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentState;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;

class MemberMappingTest {

	private final DeploymentSummary v1 = deployment("1.0", "v1a, v1b");

	private final DeploymentSummary v2 = deployment("2.0", "v2");

	@Test
	void membersOfADeploymentShareItsPercent() {
		MemberShares members = MemberMapping.members(new Split(Map.of(v1.id(), 95, v2.id(), 5)), List.of(v1, v2));
		assertThat(members.percentByMember()).containsEntry("v1a", 47.5)
			.containsEntry("v1b", 47.5)
			.containsEntry("v2", 5.0);
	}

	@Test
	void runningDeploymentsTheSplitLeavesOutGetNothing() {
		MemberShares members = MemberMapping.members(Split.all(v2.id()), List.of(v1, v2));
		assertThat(members.percentByMember()).containsEntry("v1a", 0.0).containsEntry("v2", 100.0);
	}

	@Test
	void observedMembersAreMatchedToDeploymentsByEndpoint() {
		MemberShares observed = MemberShares.fromWeights(Map.of("v1a", 100, "v1b", 100, "v2", 50, "old", 0));
		MemberMapping.Observed mapped = MemberMapping.observed(observed, List.of(v1, v2));
		assertThat(mapped.byDeployment()).containsEntry(v1, 80.0).containsEntry(v2, 20.0);
		assertThat(mapped.unmatched()).containsOnlyKeys("old");
		assertThat(mapped.missing()).isEmpty();
		assertThat(mapped.asSplit().percentByDeployment()).containsEntry(v1.id(), 80).containsEntry(v2.id(), 20);
	}

	@Test
	void membersTheLoadBalancerLacksAreReported() {
		MemberMapping.Observed mapped = MemberMapping.observed(MemberShares.fromWeights(Map.of("v2", 10)),
				List.of(v1, v2));
		assertThat(mapped.missing()).containsExactly("v1a", "v1b");
		assertThat(mapped.asSplit()).isEqualTo(Split.all(v2.id()));
	}

	@Test
	void nothingToAdoptWhenNoMemberReceivesTraffic() {
		MemberMapping.Observed mapped = MemberMapping.observed(MemberShares.fromWeights(Map.of("v1a", 0, "v2", 0)),
				List.of(v1, v2));
		assertThat(mapped.asSplit()).isNull();
	}

	@Test
	void roundsToWholePercentsThatSumToOneHundred() {
		Map<String, Integer> whole = MemberMapping.wholePercents(Map.of("a", 1.0, "b", 1.0, "c", 1.0));
		assertThat(whole.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
		assertThat(whole.values()).allMatch(percent -> percent == 33 || percent == 34);
	}

	@Test
	void inSyncWithinToleranceOnly() {
		MemberShares desired = new MemberShares(Map.of("v1", 90.0, "v2", 10.0));
		assertThat(MemberMapping.matches(desired, MemberShares.fromWeights(Map.of("v1", 230, "v2", 26)), 1.0)).isTrue();
		assertThat(MemberMapping.matches(desired, MemberShares.fromWeights(Map.of("v1", 1, "v2", 1)), 1.0)).isFalse();
		assertThat(MemberMapping.matches(desired,
				MemberShares.fromWeights(Map.of("v1", 230, "v2", 26, "stranger", 100)), 1.0))
			.isFalse();
	}

	private static DeploymentSummary deployment(String version, String endpoint) {
		return new DeploymentSummary(UUID.randomUUID(), "app", "production", version, endpoint, DeploymentState.RUNNING,
				DeploymentHealth.UNKNOWN, null, null, 0, Instant.now());
	}

}
