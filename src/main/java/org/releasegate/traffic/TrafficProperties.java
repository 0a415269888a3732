package org.releasegate.traffic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import jakarta.validation.constraints.Positive;

import org.springframework.validation.annotation.Validated;

/**
 * @param reconcileInterval pause between two passes of the reconciler over all bindings
 * @param lockWait how long a requested push waits for another instance working on the
 * same binding before leaving the change to the reconciler
 * @param reconcileThreads how many bindings the reconciler works on at the same time, so
 * that a slow or unreachable load balancer holds up only its own binding
 * @param tolerancePercent how far (percentage points per member) an observed share may
 * differ from the desired one and still count as in sync, as load balancer units round
 */
@ConfigurationProperties("releasegate.traffic")
@Validated
record TrafficProperties(@DefaultValue("5s") Duration reconcileInterval, @DefaultValue("2s") Duration lockWait,
		@DefaultValue("4") @Positive int reconcileThreads, @DefaultValue("1.0") double tolerancePercent) {
}
