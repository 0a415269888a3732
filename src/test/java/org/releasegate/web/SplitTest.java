package org.releasegate.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentState;
import org.releasegate.deployments.DeploymentSummary;

import static org.assertj.core.api.Assertions.assertThat;

class SplitTest {

	@Test
	void theLargestShareIsStableAndDeploymentsWithoutTrafficAreLeftOut() {
		Split split = Split.of(List.of(deployment("2.0", 20), deployment("3.0", 0), deployment("1.0", 80)));
		assertThat(split.segments()).containsExactly(new Split.Segment("1.0", 80, "stable"),
				new Split.Segment("2.0", 20, "candidate"));
		assertThat(split.description()).isEqualTo("1.0 80%, 2.0 20%");
	}

	@Test
	void theStableDeploymentTheTrafficModuleNamesComesFirstWhateverItsShare() {
		DeploymentSummary stable = deployment("1.0", 40);
		Split split = Split.of(List.of(deployment("2.0", 60), stable), stable.id());
		assertThat(split.segments()).containsExactly(new Split.Segment("1.0", 40, "stable"),
				new Split.Segment("2.0", 60, "candidate"));
	}

	@Test
	void noTrafficYetIsSaidInWords() {
		Split split = Split.of(List.of(deployment("1.0", 0)));
		assertThat(split.isEmpty()).isTrue();
		assertThat(split.description()).isEqualTo("No deployment receives traffic yet");
	}

	private static DeploymentSummary deployment(String version, int percent) {
		return new DeploymentSummary(UUID.randomUUID(), "app", "production", version, "be/" + version,
				DeploymentState.RUNNING, DeploymentHealth.UNKNOWN, null, null, percent, Instant.EPOCH);
	}

}
