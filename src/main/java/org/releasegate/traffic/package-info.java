/**
 * Traffic: the desired split of each application and environment, pushed to its load
 * balancer through an adapter and reconciled against what the load balancer reports.
 */
package org.releasegate.traffic;
