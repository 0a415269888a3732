package org.releasegate.traffic;

/** The desired split of an application in an environment changed. */
public record TrafficShifted(String application, String environment, Split before, Split after, String reason) {
}
