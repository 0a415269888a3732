package org.releasegate.deployments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.UnprocessableException;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class DeploymentServiceTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00.123456789Z");

	private final Deployments deployments = mock(Deployments.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final DeploymentService service = new DeploymentService(deployments, audit,
			Clock.fixed(NOW, ZoneOffset.UTC), events);

	private final RecordDeployment command = new RecordDeployment("checkout", "production", "1.4.2",
			"registry/checkout@sha256:ab", "9f2c1e7", null, "checkout-v142");

	@Test
	void aNewVersionIsInsertedAuditedAndAnnounced() {
		given(deployments.insertIfAbsent(any())).willReturn(true);

		DeploymentService.Recorded recorded = service.record(command);

		assertThat(recorded.created()).isTrue();
		// as PostgreSQL stores it, so a later read shows the same instant
		assertThat(recorded.deployment().recordedAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00.123456Z"));
		ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
		verify(audit).record(entry.capture());
		assertThat(entry.getValue().action()).isEqualTo("deployment.recorded");
		assertThat(entry.getValue().after()).isEqualTo(recorded.deployment());
		verify(events).publishEvent(
				new DeploymentRecorded(recorded.deployment().id(), "checkout", "production", "1.4.2", "checkout-v142"));
	}

	@Test
	void aReplayOfTheSameBodyAnswersTheRecordedDeploymentWithoutWriting() {
		Deployment earlier = Deployment.record(command, "ci", NOW.minusSeconds(60));
		given(deployments.insertIfAbsent(any())).willReturn(false);
		given(deployments.findByApplicationAndEnvironmentAndVersion("checkout", "production", "1.4.2"))
			.willReturn(Optional.of(earlier));

		DeploymentService.Recorded recorded = service.record(command);

		assertThat(recorded.created()).isFalse();
		assertThat(recorded.deployment().id()).isEqualTo(earlier.id());
		verifyNoInteractions(audit, events);
	}

	@Test
	void theSameVersionWithAnotherCommitIsAConflict() {
		Deployment earlier = Deployment.record(command, "ci", NOW.minusSeconds(60));
		given(deployments.insertIfAbsent(any())).willReturn(false);
		given(deployments.findByApplicationAndEnvironmentAndVersion("checkout", "production", "1.4.2"))
			.willReturn(Optional.of(earlier));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> service.record(new RecordDeployment("checkout", "production", "1.4.2",
					"registry/checkout@sha256:ab", "0000000", null, "checkout-v142")));
		verify(audit, never()).record(any());
	}

	@Test
	void nothingInsertedAndNothingRecordedMeansTheApplicationDoesNotExist() {
		given(deployments.insertIfAbsent(any())).willReturn(false);
		given(deployments.findByApplicationAndEnvironmentAndVersion("checkout", "production", "1.4.2"))
			.willReturn(Optional.empty());

		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> service.record(command))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("application"));
		verifyNoInteractions(audit, events);
	}

}
