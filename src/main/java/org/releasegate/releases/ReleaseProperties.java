package org.releasegate.releases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settleEvery how often REQUESTED releases are re-evaluated, so that one whose
 * soak or quiet period has passed becomes APPROVED even when nobody reads it
 */
@ConfigurationProperties("releasegate.releases")
record ReleaseProperties(@DefaultValue("PT30S") Duration settleEvery) {

	ReleaseProperties {
		if (settleEvery.isNegative() || settleEvery.isZero()) {
			throw new IllegalArgumentException("releasegate.releases.settle-every must be positive");
		}
	}

}
