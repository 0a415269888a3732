package org.releasegate.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.releasegate.traffic.VersionBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged {@code trafficctl} as a process against the whole service on PostgreSQL:
 * the practice's four lines move users through a real HAProxy, {@code deploy} is safe to
 * retry, and {@code release status --watch} tells a pipeline how a release ended.
 */
@FullStackTest
class TrafficctlIT {

	@Autowired
	Api api;

	private Api.Person engineer;

	private Api.Person owner;

	private Api.Person manager;

	private String app;

	private Cli cli;

	private final VersionBackends backends = new VersionBackends();

	private HaproxyProcess haproxy;

	@BeforeEach
	void people() throws IOException {
		Cli.assumePackaged();
		engineer = api.person("ENGINEER");
		owner = api.person("PRODUCT_OWNER");
		manager = api.person("RELEASE_MANAGER");
		app = api.application(owner.username());
		cli = new Cli(api.baseUrl());
	}

	@AfterEach
	void stop() {
		if (haproxy != null) {
			haproxy.close();
		}
		backends.close();
	}

	@Test
	void theFourLinesMoveUsersThroughHaproxy() throws Exception {
		HaproxyProcess.assumeInstalled();
		String v1 = app + "-v1";
		String v2 = app + "-v2";
		api.deployment(app, "production", "1.0.0", v1);
		api.deployment(app, "production", "2.0.0", v2);
		haproxy = HaproxyProcess.start("shop", "server " + v1 + " 127.0.0.1:" + backends.start("v1") + " weight 256",
				"server " + v2 + " 127.0.0.1:" + backends.start("v2") + " weight 0");
		bindHaproxy(app, haproxy);

		Cli.Result weights = cli.run(manager.token(), "get-weight", app);
		assertThat(weights.exitCode()).as("%s", weights).isZero();
		assertThat(weights.out()).isEqualTo(v1 + ": 100%, " + v2 + ": 0%\n");

		assertThat(cli.run(manager.token(), "set-weight", v2, "10%").exitCode()).isZero();
		awaitWeights(v1, 230, v2, 26);
		double seenV2 = 100.0 * backends.count(haproxy.frontendUrl(), 100).getOrDefault("v2", 0) / 100;
		assertThat(seenV2).as("percent of requests answered by v2 at 10%%").isBetween(5.0, 15.0);
		assertThat(cli.run(manager.token(), "get-weight", app).out()).isEqualTo(v1 + ": 90%, " + v2 + ": 10%\n");

		assertThat(cli.run(manager.token(), "set-weight", v2, "100%").exitCode()).isZero();
		awaitWeights(v1, 0, v2, 256);
		assertThat(backends.count(haproxy.frontendUrl(), 20)).containsOnlyKeys("v2");

		Cli.Result rollback = cli.run(manager.token(), "set-weight", v1, "100%");
		assertThat(rollback.exitCode()).as("%s", rollback).isZero();
		assertThat(rollback.out()).isEqualTo(v1 + ": 100%, " + v2 + ": 0%\n");
		awaitWeights(v1, 256, v2, 0);
		assertThat(backends.count(haproxy.frontendUrl(), 20)).containsOnlyKeys("v1");
	}

	@Test
	void deployTwiceIsSafeAndADifferentBodyIsAConflict() throws Exception {
		String[] deploy = { "deploy", "--application", app, "--version", "3.1.0", "--endpoint", app + "-v31",
				"--artifact", "registry.example.com/" + app + "@sha256:4f2a", "--commit", "9f2c1e7", "--pipeline-url",
				"https://ci.example.com/runs/812" };
		Cli.Result first = cli.run(engineer.token(), deploy);
		assertThat(first.exitCode()).as("%s", first).isZero();
		assertThat(first.out()).contains("3.1.0", app + "-v31", "RUNNING", "0%", "recorded");
		Cli.Result again = cli.run(engineer.token(), append(deploy, "-q"));
		assertThat(again.exitCode()).as("%s", again).isZero();
		assertThat(first.out()).contains(again.out().strip());
		assertThat(api.auditEvents("application={app}&action=deployment.recorded", app)).hasSize(1);

		Cli.Result different = cli.run(engineer.token(), "deploy", "--application", app, "--version", "3.1.0",
				"--endpoint", app + "-other");
		assertThat(different.exitCode()).as("%s", different).isEqualTo(5);
		assertThat(different.err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
	}

	@Test
	void watchingExitsZeroWhenTheReleaseCompletes() throws Exception {
		String id = startedCanary("50:1h,100");
		Cli.Running watching = cli.start(engineer.token(), "release", "status", id, "--watch", "--timeout", "3m",
				"--interval", "200ms");
		await().atMost(Duration.ofMinutes(1)).until(() -> watching.outSoFar().contains("IN_PROGRESS"));
		assertThat(watching.process().isAlive()).as("still watching the running release").isTrue();
		call(engineer.client(), "POST", "/api/v1/releases/" + id + "/promote", null);
		Cli.Result watched = watching.await(Duration.ofMinutes(2));
		assertThat(watched.exitCode()).as("%s", watched).isZero();
		assertThat(watched.out()).isEqualTo("IN_PROGRESS, step 1 of 2, candidate 2.0.0 at 50%\n"
				+ "COMPLETED, step 2 of 2, candidate 2.0.0 at 100%\n");
	}

	@Test
	void watchingExitsNonZeroWhenAFailingCandidateIsRolledBack() throws Exception {
		String candidate = recordAndBind();
		call(manager.client(), "PUT", "/api/v1/applications/" + app + "/environments/production/gates",
				Map.of("reportedHealth", true, "failuresToRollBack", 1));
		String id = startedCanary("10:1h,100", candidate);
		call(engineer.client(), "POST", "/api/v1/deployments/" + candidate + "/health",
				Map.of("status", "FAILING", "detail", "checkout errors at 40%"));
		Cli.Result watched = cli.run(engineer.token(), "release", "status", id, "--watch", "--timeout", "90s",
				"--interval", "200ms");
		assertThat(watched.exitCode()).as("%s", watched).isEqualTo(1);
		assertThat(watched.out()).contains("ROLLED_BACK");

		Cli.Result timeout = cli.run(engineer.token(), "release", "status", "not-a-uuid", "--watch");
		assertThat(timeout.exitCode()).as("%s", timeout).isEqualTo(2);
	}

	@Test
	void fullWeightOnTheStableDeploymentRollsTheRunningReleaseBack() throws Exception {
		String id = startedCanary("10:1h,100");
		Cli.Result back = cli.run(manager.token(), "set-weight", app + "@1.0.0", "100%");
		assertThat(back.exitCode()).as("%s", back).isZero();
		assertThat(back.out()).contains("rolled back release " + id).contains(app + "-v1: 100%, " + app + "-v2: 0%");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> cli.run(engineer.token(), "release", "status", id, "-q").out().strip(), "ROLLED_BACK"::equals);
		assertThat(api.auditEvents("application={app}&action=release.rolled-back", app)).hasSize(1);
	}

	/** Records 1.0.0 (all traffic, in memory) and 2.0.0 beside it; returns 2.0.0's id. */
	private String recordAndBind() {
		api.deployment(app, "production", "1.0.0", app + "-v1");
		String candidate = (String) api.deployment(app, "production", "2.0.0", app + "-v2").get("id");
		InMemoryLoadBalancer.create(app, Map.of(app + "-v1", 100.0, app + "-v2", 0.0));
		call(manager.client(), "PUT", "/api/v1/applications/" + app + "/environments/production/binding",
				Map.of("connection", "memory", "settings", Map.of("name", app)));
		call(manager.client(), "PUT", "/api/v1/applications/" + app + "/environments/production/policy",
				Map.of("soakMinutes", 0));
		return candidate;
	}

	private String startedCanary(String steps) throws Exception {
		return startedCanary(steps, recordAndBind());
	}

	/** Requests, approves and starts a canary of 2.0.0 with the command line; its id. */
	private String startedCanary(String steps, String candidate) throws Exception {
		Cli.Result requested = cli.run(engineer.token(), "release", "request", "-a", app, "--version", "2.0.0",
				"--canary", steps, "--contact", "pager: " + engineer.username(), "-q");
		assertThat(requested.exitCode()).as("%s", requested).isZero();
		String id = requested.out().strip();
		Cli.Result approved = cli.run(owner.token(), "release", "approve", id, "--comment", "looks right");
		assertThat(approved.exitCode()).as("%s", approved).isZero();
		call(engineer.client(), "POST", "/api/v1/releases/" + id + "/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "error rate flat"));
		Cli.Result started = cli.run(engineer.token(), "release", "start", id);
		assertThat(started.exitCode()).as("%s", started).isZero();
		assertThat(started.out()).contains("IN_PROGRESS");
		return id;
	}

	/**
	 * The one place that binds HAProxy (its settings are changing with operator
	 * connections).
	 */
	private void bindHaproxy(String application, HaproxyProcess haproxy) {
		call(manager.client(), "PUT", "/api/v1/applications/" + application + "/environments/production/binding",
				Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
	}

	private void awaitWeights(String v1, int weight1, String v2, int weight2) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> haproxy.weight("shop", v1) == weight1 && haproxy.weight("shop", v2) == weight2);
	}

	private static void call(RestTestClient client, String method, String uri, Object body) {
		var request = (method.equals("PUT") ? client.put() : client.post()).uri(uri)
			.contentType(MediaType.APPLICATION_JSON);
		(body == null ? request : request.body(body)).exchange().expectStatus().is2xxSuccessful();
	}

	private static String[] append(String[] args, String... more) {
		List<String> all = new java.util.ArrayList<>(List.of(args));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

}
