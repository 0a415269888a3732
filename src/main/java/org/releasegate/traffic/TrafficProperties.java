package org.releasegate.traffic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param reconcileInterval pause between two passes of the reconciler over all bindings
 * @param lockWait how long a requested push waits for another instance working on the
 * same binding before leaving the change to the reconciler
 * @param reconcileThreads how many bindings the reconciler works on at the same time, so
 * that a slow or unreachable load balancer holds up only its own binding
 * @param tolerancePercent how far (percentage points per member) an observed share may
 * differ from the desired one and still count as in sync, as load balancer units round
 * @param callThreads how many load-balancer calls may run at once (the bulkhead)
 * @param callTimeout how long one load-balancer call may take before it counts as
 * unanswered
 * @param connections the load balancers the operator allows, by name: what a load
 * balancer <em>is</em> (addresses, files, commands, clusters, URLs and secrets); bindings
 * choose one by name
 */
@ConfigurationProperties("releasegate.traffic")
@Validated
record TrafficProperties(@DefaultValue("5s") Duration reconcileInterval, @DefaultValue("2s") Duration lockWait,
		@DefaultValue("4") @Positive int reconcileThreads, @DefaultValue("1.0") double tolerancePercent,
		@DefaultValue("8") @Positive int callThreads, @NotNull @DefaultValue("10s") Duration callTimeout,
		@DefaultValue Map<String, @Valid Connection> connections) {

	/**
	 * One load-balancer connection, declared by the operator.
	 *
	 * @param adapter {@code haproxy}, {@code nginx}, {@code gateway-api},
	 * {@code webhook}, {@code pull}
	 * @param directory the only directory whose regular files the connection may read or
	 * write (upstream files, kubeconfigs); required where the adapter uses files
	 * @param settings the adapter's settings, e.g. {@code address}, {@code upstreamFile},
	 * {@code nginxBinary}, {@code kubeconfig}, {@code url}, {@code secret}
	 */
	record Connection(@NotBlank String adapter, Path directory, @DefaultValue Map<String, String> settings) {
	}

}
