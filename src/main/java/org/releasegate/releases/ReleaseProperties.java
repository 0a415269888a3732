package org.releasegate.releases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settleEvery how often REQUESTED releases are re-evaluated, so that one whose
 * soak or quiet period has passed becomes APPROVED even when nobody reads it
 * @param conductEvery how often the conductor looks for releases due to start or step
 * @param gateEvery how often the health gates of a running release are evaluated
 * @param readingsFreshFor how old the recorded state a release's checklist reads (the
 * load balancer as the reconciler last read it, Prometheus as the settler last read it)
 * may be before the item says so and waits
 */
@ConfigurationProperties("releasegate.releases")
record ReleaseProperties(@DefaultValue("PT30S") Duration settleEvery, @DefaultValue("PT1S") Duration conductEvery,
		@DefaultValue("PT10S") Duration gateEvery, @DefaultValue("PT1M") Duration readingsFreshFor) {

	ReleaseProperties {
		for (Duration every : new Duration[] { settleEvery, conductEvery, gateEvery, readingsFreshFor }) {
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException(
						"releasegate.releases.settle-every, conduct-every, gate-every and readings-fresh-for must be positive");
			}
		}
	}

}
