package org.releasegate.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the domain metrics.
 *
 * @param maxAge how old the database gauges (releases by status, troubled bindings) may
 * be when scraped; they are read again after that
 */
@Validated
@ConfigurationProperties("releasegate.metrics")
record MetricsProperties(@NotNull @DefaultValue("15s") Duration maxAge) {
}
