package org.releasegate.traffic;

import java.util.UUID;

/**
 * The load balancer did not take a rollback at its first attempt: it may still send users
 * to the version rolled back from. Published once per rollback; the reconciler keeps
 * trying, and the error itself stays in the server log and the traffic change.
 *
 * @param deployment the deployment that should get all traffic back
 * @param version its version
 */
public record RollbackFailed(String application, String environment, UUID deployment, String version, String reason) {
}
