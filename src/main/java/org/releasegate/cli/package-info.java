/**
 * {@code trafficctl}, the command line of ReleaseGate: a client of the REST API only. It
 * starts no Spring and depends on no other module (picocli, the JDK's HTTP client and
 * Jackson); the build packs it into {@code target/trafficctl.jar}.
 */
package org.releasegate.cli;
