/**
 * Domain metrics on {@code /actuator/prometheus}: releases by status, time waiting for
 * approval, canary step durations, rollbacks by cause, troubled bindings. It only listens
 * to other modules' events and reads their public APIs; the traffic and audit modules
 * record the metrics only they can see (push errors, rollback latency, chain result).
 */
@org.springframework.lang.NonNullApi
package org.releasegate.metrics;
