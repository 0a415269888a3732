package org.releasegate.traffic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param reconcileInterval pause between two passes of the reconciler over all bindings
 * @param lockWait how long a requested push waits for another instance working on the
 * same binding before leaving the change to the reconciler
 * @param tolerancePercent how far (percentage points per member) an observed share may
 * differ from the desired one and still count as in sync, as load balancer units round
 */
@ConfigurationProperties("releasegate.traffic")
@Validated
record TrafficProperties(@DefaultValue("5s") Duration reconcileInterval, @DefaultValue("2s") Duration lockWait,
		@DefaultValue("1.0") double tolerancePercent) {
}
