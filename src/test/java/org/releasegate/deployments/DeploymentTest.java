package org.releasegate.deployments;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeploymentTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private final RecordDeployment command = new RecordDeployment("checkout", "production", "1.4.2",
			"registry/checkout@sha256:ab", "9f2c1e7", "https://ci/1", " checkout-a, checkout-b ");

	@Test
	void aRecordedDeploymentRunsWithNoTrafficAndAnnouncesItself() {
		Deployment deployment = Deployment.record(command, "ci", NOW);
		assertThat(deployment.state()).isEqualTo(DeploymentState.RUNNING);
		assertThat(deployment.trafficPercent()).isZero();
		assertThat(deployment.summary().members()).containsExactly("checkout-a", "checkout-b");
		assertThat(deployment.events()).singleElement().isInstanceOf(DeploymentRecorded.class);
	}

	@Test
	void aReplayIsTheSameOnlyWithTheSameArtifactCommitPipelineAndEndpoint() {
		Deployment deployment = Deployment.record(command, "ci", NOW);
		assertThat(deployment.isSameAs(command)).isTrue();
		assertThat(deployment.isSameAs(new RecordDeployment("checkout", "production", "1.4.2",
				"registry/checkout@sha256:ab", "other", "https://ci/1", "checkout-a, checkout-b")))
			.isFalse();
	}

	@Test
	void cannotRetireTwiceNorWhileHoldingTraffic() {
		Deployment deployment = Deployment.record(command, "ci", NOW);
		deployment.holdTraffic(10);
		assertThatIllegalStateException().isThrownBy(() -> deployment.retire("ci", NOW)).withMessageContaining("10%");
		deployment.holdTraffic(0);
		deployment.retire("ci", NOW);
		assertThat(deployment.state()).isEqualTo(DeploymentState.RETIRED);
		assertThatIllegalStateException().isThrownBy(() -> deployment.retire("ci", NOW));
		assertThatIllegalStateException().isThrownBy(() -> deployment.holdTraffic(50));
	}

	@Test
	void healthReportsAreKeptWhileRunning() {
		Deployment deployment = Deployment.record(command, "ci", NOW);
		deployment.reportHealth(DeploymentHealth.DEGRADED, "slow", NOW);
		assertThat(deployment.summary().health()).isEqualTo(DeploymentHealth.DEGRADED);
		assertThat(deployment.summary().healthReportedAt()).isEqualTo(NOW);
		deployment.retire("ci", NOW);
		assertThatIllegalStateException()
			.isThrownBy(() -> deployment.reportHealth(DeploymentHealth.HEALTHY, null, NOW));
	}

}
