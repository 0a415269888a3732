package org.releasegate.releases;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.releasegate.Api;
import org.releasegate.releases.Calls.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;
import static org.releasegate.releases.Calls.put;

/**
 * An application whose version 1.0.0 holds all traffic behind a router binding, with
 * 2.0.0 deployed beside it, and the people who release it: tests bind the load balancer
 * they need (in memory or a real HAProxy) and walk a release through its life.
 */
class CanaryScene {

	final Api api;

	final Api.Person engineer;

	final Api.Person owner;

	final Api.Person manager;

	final String app;

	final String v1;

	final String v2;

	CanaryScene(Api api, String v1Endpoint, String v2Endpoint) {
		this.api = api;
		engineer = api.person("ENGINEER");
		owner = api.person("PRODUCT_OWNER");
		manager = api.person("RELEASE_MANAGER");
		app = api.application(owner.username());
		v1 = (String) api.deployment(app, "production", "1.0.0", v1Endpoint).get("id");
		v2 = (String) api.deployment(app, "production", "2.0.0", v2Endpoint).get("id");
		assertThat(put(manager.client(), "/api/v1/applications/{app}/environments/production/policy",
				Map.of("soakMinutes", 0), app)
			.status()).isEqualTo(200);
	}

	void bind(Map<String, Object> binding) {
		Reply bound = put(manager.client(), "/api/v1/applications/{app}/environments/production/binding", binding, app);
		assertThat(bound.status()).as("%s", bound).isBetween(200, 201);
		Reply split = put(manager.client(), "/api/v1/applications/{app}/environments/production/traffic",
				Map.of("split", Map.of("1.0.0", 100), "reason", "1.0.0 is stable"), app);
		assertThat(split.status()).as("%s", split).isEqualTo(200);
	}

	Reply gates(Map<String, Object> gates) {
		return put(manager.client(), "/api/v1/applications/{app}/environments/production/gates", gates, app);
	}

	static Map<String, Object> canary(Object... weightPauseConfirm) {
		List<Map<String, Object>> steps = new java.util.ArrayList<>();
		for (int i = 0; i < weightPauseConfirm.length; i += 3) {
			steps.add(Map.of("weight", weightPauseConfirm[i], "pause", weightPauseConfirm[i + 1],
					"requiresConfirmation", weightPauseConfirm[i + 2]));
		}
		return Map.of("type", "CANARY", "steps", steps);
	}

	/** Requests a release of 2.0.0 and has it approved; returns its id. */
	String approved(Map<String, Object> strategy) {
		return approved(strategy, null);
	}

	String approved(Map<String, Object> strategy, String scheduledStart) {
		Map<String, Object> body = new HashMap<>();
		body.put("application", app);
		body.put("environment", "production");
		body.put("candidateVersion", "2.0.0");
		body.put("strategy", strategy);
		body.put("onCallContact", "pager: " + engineer.username());
		body.put("scheduledStart", scheduledStart);
		Reply requested = post(engineer.client(), "/api/v1/releases", body);
		assertThat(requested.status()).as("%s", requested).isEqualTo(201);
		String id = (String) requested.get("id");
		Reply approval = post(owner.client(), "/api/v1/releases/{id}/approvals", Map.of("decision", "APPROVE"), id);
		assertThat(approval.status()).as("%s", approval).isEqualTo(200);
		if ("APPROVED".equals(approval.get("status"))) {
			// a metrics gate already answered normal behaviour
			return id;
		}
		Reply attested = post(engineer.client(), "/api/v1/releases/{id}/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "error rate flat"), id);
		assertThat(attested.status()).as("%s", attested).isEqualTo(200);
		if (!"APPROVED".equals(attested.get("status"))) {
			// a metrics gate answers normal behaviour: the settler reads it in the
			// background and approves
			awaitStatus(id, "APPROVED", Duration.ofSeconds(10));
		}
		return id;
	}

	Reply read(String id) {
		return get(engineer.client(), "/api/v1/releases/{id}", id);
	}

	Reply act(Api.Person by, String id, String action, Object body) {
		return post(by.client(), "/api/v1/releases/{id}/" + action, body, id);
	}

	/** Waits until the release is in the status, and returns it. */
	Reply awaitStatus(String id, String status, Duration within) {
		await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(read(id).get("status")));
		return read(id);
	}

	/**
	 * Waits until the release has reached the step (or gone past it: steps with short
	 * pauses may pass between two reads), and returns it.
	 */
	Reply awaitStep(String id, int step, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> read(id).get("currentStep") instanceof Number current && current.intValue() >= step);
		return read(id);
	}

	/** The audit events of this application with the action, oldest first. */
	List<Map<String, Object>> audit(String action) {
		List<Map<String, Object>> oldestFirst = new java.util.ArrayList<>(
				api.auditEvents("application={app}&action={action}", app, action));
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

}
