package org.releasegate.releases;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ReleaseSettlerTest {

	final ReleaseService releases = mock(ReleaseService.class);

	final Releases stored = mock(Releases.class);

	final ReleaseSettler settler = new ReleaseSettler(releases, stored, mock(PrometheusMetricsCheck.class),
			new ReleaseProperties(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10),
					Duration.ofMinutes(1)));

	@Test
	void settlesOnlyReleasesThatBecameReadyAndGoesOnAfterAFailure() {
		UUID ready = UUID.randomUUID();
		UUID waiting = UUID.randomUUID();
		UUID broken = UUID.randomUUID();
		when(releases.requested()).thenReturn(List.of(broken, waiting, ready));
		when(releases.get(broken)).thenThrow(new IllegalStateException("gone"));
		when(releases.get(waiting)).thenReturn(new ReleaseService.Evaluated(null, false));
		when(releases.get(ready)).thenReturn(new ReleaseService.Evaluated(null, true));

		settler.settleRequested();

		verify(releases).settle(ready);
		verify(releases, never()).settle(waiting);
		verify(releases, never()).settle(broken);
	}

	@Test
	void aSettleIntervalMustBePositive() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new ReleaseProperties(Duration.ZERO, Duration.ofSeconds(1),
					Duration.ofSeconds(10), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
		verify(releases, never()).settle(any());
	}

}
