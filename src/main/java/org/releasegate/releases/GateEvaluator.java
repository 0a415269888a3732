package org.releasegate.releases;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentSummary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates a release's health gates against its candidate: an HTTP probe, a Prometheus
 * query and the health the candidate reported. Runs outside any transaction: it waits on
 * the network.
 */
@Component
class GateEvaluator {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GateEvaluator.class);

	private final org.releasegate.egress.Egress egress;

	private final DeploymentCatalog deployments;

	GateEvaluator(DeploymentCatalog deployments, org.releasegate.egress.Egress egress) {
		this.egress = egress;
		this.deployments = deployments;
	}

	/**
	 * The gates that call out (probe, Prometheus); outside any transaction, as it waits
	 * on the network. {@link GateVerdict#none()} when no such gate is configured.
	 */
	GateVerdict overTheNetwork(Release release, HealthGates gates) {
		if (!gates.watchesTheNetwork()) {
			return GateVerdict.none();
		}
		DeploymentSummary candidate = deployments.find(release.candidateDeploymentId()).orElse(null);
		List<String> evidence = new ArrayList<>();
		boolean passed = true;
		if (gates.probe() != null) {
			passed &= probe(gates.probe(), release, candidate, evidence);
		}
		if (gates.prometheus() != null) {
			passed &= prometheus(gates.prometheus(), release, evidence);
		}
		return new GateVerdict(true, passed, String.join("; ", evidence), gates.failuresToRollBack());
	}

	/**
	 * Adds the candidate's reported health as recorded (a database read, fit for inside
	 * the release's lock) to what the network gates found.
	 */
	GateVerdict withReportedHealth(GateVerdict network, Release release, HealthGates gates) {
		if (!gates.reportedHealth()) {
			return network;
		}
		DeploymentSummary candidate = deployments.find(release.candidateDeploymentId()).orElse(null);
		DeploymentHealth health = candidate == null ? DeploymentHealth.UNKNOWN : candidate.health();
		String reported = reportedEvidence(health, candidate == null ? null : candidate.healthDetail());
		String evidence = network.configured() ? network.evidence() + "; " + reported : reported;
		return new GateVerdict(true, network.passed() && holds(health), evidence, gates.failuresToRollBack());
	}

	/** Whether the candidate's recorded health lets a step go on. */
	boolean reportedHealthHolds(Release release) {
		return deployments.find(release.candidateDeploymentId()).map(d -> holds(d.health())).orElse(true);
	}

	static boolean holds(DeploymentHealth health) {
		return health != DeploymentHealth.DEGRADED && health != DeploymentHealth.FAILING;
	}

	static String reportedEvidence(DeploymentHealth health, String detail) {
		return "reported health " + health + (detail != null ? " (" + detail + ")" : "")
				+ (holds(health) ? ": ok" : ": FAILED");
	}

	private boolean probe(HealthGates.Probe probe, Release release, DeploymentSummary candidate,
			List<String> evidence) {
		String url = probe.urlTemplate()
			.replace("{version}", release.candidateVersion())
			.replace("{endpoint}", candidate == null ? "" : candidate.endpoint());
		try {
			HttpResponse<String> response = egress.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			boolean statusOk = response.statusCode() == probe.expectedStatus();
			boolean bodyOk = probe.bodyContains() == null || response.body().contains(probe.bodyContains());
			evidence.add("probe " + org.releasegate.egress.Masking.urlCredentials(url) + " answered "
					+ response.statusCode()
					+ (statusOk && bodyOk ? ": ok" : statusOk ? ": FAILED, body lacks '" + probe.bodyContains() + "'"
							: ": FAILED, expected " + probe.expectedStatus()));
			return statusOk && bodyOk;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			evidence.add("probe " + url + ": FAILED, interrupted");
			return false;
		}
		catch (Exception ex) {
			log.info("Health probe {} failed: {}", org.releasegate.egress.Masking.urlCredentials(url), ex.toString());
			evidence.add("probe " + org.releasegate.egress.Masking.urlCredentials(url) + ": FAILED, the probe target "
					+ org.releasegate.egress.Egress.failure(ex));
			return false;
		}
	}

	private boolean prometheus(HealthGates.PrometheusQuery gate, Release release, List<String> evidence) {
		String query = gate.query().replace("{version}", release.candidateVersion());
		String url = gate.url().replaceAll("/+$", "") + "/api/v1/query?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8);
		try {
			HttpResponse<String> response = egress.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode result = JSON.readTree(response.body()).path("data").path("result");
			if (response.statusCode() != 200 || !result.isArray() || result.isEmpty()) {
				evidence.add("prometheus '" + query + "': FAILED, no sample (HTTP " + response.statusCode() + ")");
				return false;
			}
			double value = Double.parseDouble(result.get(0).path("value").get(1).asString());
			boolean holds = gate.holds(value);
			evidence.add("prometheus '" + query + "' = " + value + " (" + gate.comparison() + " " + gate.threshold()
					+ ")" + (holds ? ": ok" : ": FAILED"));
			return holds;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			evidence.add("prometheus '" + query + "': FAILED, interrupted");
			return false;
		}
		catch (Exception ex) {
			log.info("Prometheus query {} failed: {}", query, ex.toString());
			evidence.add("prometheus '" + query + "': FAILED, Prometheus " + org.releasegate.egress.Egress.failure(ex));
			return false;
		}
	}

}
