package org.releasegate.traffic;

import java.util.UUID;

/** Someone rolled traffic back to a deployment that held all of it before. */
public record TrafficRolledBack(String application, String environment, UUID deployment, String version, String actor,
		String reason) {
}
