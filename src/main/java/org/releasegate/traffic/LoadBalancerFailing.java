package org.releasegate.traffic;

/**
 * The load balancer of a binding stopped answering (it answered at the previous attempt):
 * published once per outage, not at every reconciler pass. The error itself stays in the
 * server log and the binding's state.
 */
public record LoadBalancerFailing(String application, String environment, String adapter) {
}
