package org.releasegate.releases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;
import static org.releasegate.releases.Calls.put;

@FullStackTest
class PolicyApiIT {

	@Autowired
	Api api;

	@Test
	void defaultsUntilAManagerSetsAPolicy() {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application();
		String uri = "/api/v1/applications/{app}/environments/production/policy";
		Reply defaults = get(engineer.client(), uri, app);
		assertThat(defaults.body()).containsEntry("requiredApprovals", 1)
			.containsEntry("soakMinutes", 5)
			.containsEntry("releaseWindows", List.of())
			.containsEntry("freezes", List.of())
			.containsEntry("autoApproveAfter", null)
			.containsEntry("custom", false);

		Map<String, Object> policy = Map.of("requiredApprovals", 2, "releaseWindows",
				List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "from", "09:00",
						"to", "17:00", "zone", "Europe/Berlin")),
				"freezes", List.of(Map.of("from", "2026-11-27T00:00:00+01:00", "to", "2026-11-28T00:00:00+01:00",
						"reason", "Black Friday")),
				"autoApproveAfter", "PT4H");
		assertThat(put(engineer.client(), uri, policy, app).status()).isEqualTo(403);
		Reply saved = put(manager.client(), uri, policy, app);
		assertThat(saved.status()).as("%s", saved).isEqualTo(200);
		assertThat(saved.body()).containsEntry("requiredApprovals", 2)
			.containsEntry("soakMinutes", 5)
			.containsEntry("autoApproveAfter", "PT4H")
			.containsEntry("custom", true)
			.containsEntry("updatedBy", manager.username());
		assertThat(saved.list("freezes")).singleElement()
			.satisfies(f -> assertThat(f).containsEntry("from", "2026-11-26T23:00:00Z"));
		assertThat(get(engineer.client(), uri, app).body()).isEqualTo(saved.body());
		assertThat(get(engineer.client(), "/api/v1/applications/{app}/environments/staging/policy", app).body())
			.containsEntry("custom", false);

		Map<String, Object> badZone = Map.of("releaseWindows",
				List.of(Map.of("days", List.of("MONDAY"), "from", "09:00", "to", "17:00", "zone", "Europe/Atlantis")));
		Reply zone = put(manager.client(), uri, badZone, app);
		assertThat(zone.status()).isEqualTo(400);
		assertThat(zone.field()).isEqualTo("releaseWindows[0].zone");
		Reply approvals = put(manager.client(), uri, Map.of("requiredApprovals", 0), app);
		assertThat(approvals.field()).isEqualTo("requiredApprovals");
		Reply day = put(manager.client(), uri,
				Map.of("releaseWindows",
						List.of(Map.of("days", List.of("FUNDAY"), "from", "09:00", "to", "17:00", "zone", "UTC"))),
				app);
		assertThat(day.status()).isEqualTo(400);
		assertThat(day.field()).startsWith("releaseWindows[0].days");
		assertThat(put(manager.client(), "/api/v1/applications/{app}/environments/production/policy", Map.of(),
				Api.unique("nope"))
			.status()).isEqualTo(404);
	}

	@Test
	void aReleaseScheduledIntoAFreezeFailsItsWindowCheck() {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application();
		api.deployment(app, "production", "2.0.0", app + "-v200");
		put(manager.client(), "/api/v1/applications/{app}/environments/production/policy",
				Map.of("releaseWindows",
						List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "from",
								"09:00", "to", "17:00", "zone", "Europe/Berlin")),
						"freezes", List.of(Map.of("from", "2026-11-27T00:00:00+01:00", "to",
								"2026-11-28T00:00:00+01:00", "reason", "Black Friday"))),
				app);
		Map<String, Object> body = new HashMap<>(
				Map.of("application", app, "environment", "production", "candidateVersion", "2.0.0", "strategy",
						Map.of("type", "ALL_AT_ONCE"), "scheduledStart", "2026-11-27T16:30:00+01:00"));
		Reply frozen = post(engineer.client(), "/api/v1/releases", body);
		assertThat(frozen.status()).as("%s", frozen).isEqualTo(201);
		assertThat(frozen.item("release-window")).containsEntry("status", "FAILED");
		assertThat((String) frozen.item("release-window").get("evidence"))
			.startsWith("scheduled Fri 2026-11-27 16:30 Europe/Berlin is inside freeze 'Black Friday'");

		String id = (String) frozen.get("id");
		Reply moved = put(engineer.client(), "/api/v1/releases/{id}/plan",
				Map.of("strategy", Map.of("type", "ALL_AT_ONCE"), "scheduledStart", "2026-11-30T09:30:00+01:00"), id);
		assertThat(moved.item("release-window")).containsEntry("status", "PASSED");
		assertThat((String) moved.item("release-window").get("evidence")).isEqualTo(
				"scheduled Mon 2026-11-30 09:30 Europe/Berlin is inside release window Mon,Tue,Wed,Thu,Fri 09:00-17:00 Europe/Berlin");
	}

	@Test
	void aPolicyApprovesRoutineReleasesAfterAQuietPeriod() throws InterruptedException {
		Api.Person manager = api.person("RELEASE_MANAGER");
		Api.Person engineer = api.person("ENGINEER");
		String app = api.application();
		api.deployment(app, "production", "3.0.0", app + "-v300");
		put(manager.client(), "/api/v1/applications/{app}/environments/production/policy",
				Map.of("soakMinutes", 0, "autoApproveAfter", "PT1S"), app);
		Reply created = post(engineer.client(), "/api/v1/releases",
				Map.of("application", app, "environment", "production", "candidateVersion", "3.0.0", "strategy",
						Map.of("type", "ALL_AT_ONCE"), "onCallContact", "pager: ops"));
		String id = (String) created.get("id");
		post(engineer.client(), "/api/v1/releases/{id}/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "quiet"), id);
		Thread.sleep(1200);
		Reply read = get(engineer.client(), "/api/v1/releases/{id}", id);
		assertThat(read.body()).containsEntry("status", "APPROVED").containsEntry("approvedByPolicy", true);
		assertThat((String) read.item("product-ready").get("evidence")).startsWith("approved by policy");
		Map<String, Object> audit = api.admin()
			.get()
			.uri("/api/v1/audit?application={app}&action=release.approved", app)
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(audit.toString()).contains("approved by policy");
	}

}
