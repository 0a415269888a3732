package org.releasegate.releases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settleEvery how often REQUESTED releases are re-evaluated, so that one whose
 * soak or quiet period has passed becomes APPROVED even when nobody reads it
 * @param conductEvery how often the conductor looks for releases due to start or step
 * @param gateEvery how often the health gates of a running release are evaluated
 */
@ConfigurationProperties("releasegate.releases")
record ReleaseProperties(@DefaultValue("PT30S") Duration settleEvery, @DefaultValue("PT1S") Duration conductEvery,
		@DefaultValue("PT10S") Duration gateEvery) {

	ReleaseProperties {
		for (Duration every : new Duration[] { settleEvery, conductEvery, gateEvery }) {
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException(
						"releasegate.releases.settle-every, conduct-every and gate-every must be positive");
			}
		}
	}

}
