package org.releasegate.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A release manager (the strongest role that may save bindings) tries to make the service
 * run a program, read a file, or reach an internal address through a router binding; and
 * readers try to learn settings or remote content. Each attempt fails safely: nothing
 * runs (a marker file never appears), nothing is reached (a listener on loopback counts
 * no connection), nothing leaks (no file content or path in any answer), nothing is
 * half-written (no binding exists afterwards).
 */
@FullStackTest
class LoadBalancerConnectionsAttackIT {

	@Autowired
	Api api;

	@Test
	void noRoleCanSupplyACommandAPathAKubeconfigOrAnAddress() throws Exception {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a");
		RestTestClient manager = api.person("RELEASE_MANAGER").client();
		Path marker = Files.createTempDirectory("attack").resolve("ran");
		try (Listener listener = Listener.on("127.0.0.2")) {
			Map<String, String> attacks = new HashMap<>();
			attacks.put("testCommand", "/usr/bin/touch " + marker);
			attacks.put("reloadCommand", "/usr/bin/touch " + marker);
			attacks.put("nginxBinary", "/usr/bin/touch");
			attacks.put("upstreamFile", "/dev/zero");
			attacks.put("kubeconfig", "/etc/passwd");
			attacks.put("masterUrl", "http://127.0.0.2:" + listener.port());
			attacks.put("address", "tcp:127.0.0.2:" + listener.port());
			attacks.put("url", "http://127.0.0.2:" + listener.port() + "/");
			attacks.put("secret", "0123456789abcdef0123");
			Map<String, String> identifiers = Map.of("haproxy", "backend", "memory", "name");
			for (String connection : identifiers.keySet()) {
				for (Map.Entry<String, String> attack : attacks.entrySet()) {
					String body = put(manager, app,
							Map.of("connection", connection, "settings",
									Map.of(identifiers.get(connection), "shop", attack.getKey(), attack.getValue())),
							400);
					assertThat(body).contains("settings." + attack.getKey()).doesNotContain("root:");
				}
			}
			// what a load balancer is cannot be named beside the connection either
			assertThat(put(manager, app,
					Map.of("connection", "memory", "adapter", "nginx", "settings", Map.of("name", "x")), 400))
				.contains("adapter");
			assertThat(
					put(manager, app,
							Map.of("adapter", "webhook", "settings",
									Map.of("url", "http://127.0.0.2:" + listener.port() + "/")),
							400))
				.contains("connection");
			// identifiers are identifiers: no option injection, no paths, no spaces
			for (String backend : new String[] { "-c /tmp/x", "../etc", "shop;reload", "a".repeat(300) }) {
				put(manager, app, Map.of("connection", "haproxy", "settings", Map.of("backend", backend)), 400);
			}

			Thread.sleep(500);
			assertThat(marker).as("no program ran").doesNotExist();
			assertThat(listener.connections()).as("nothing reached the internal address").isZero();
			api.admin()
				.get()
				.uri("/api/v1/applications/{app}/environments/production/binding", app)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	void errorsAreFixedSentencesAndSettingsAreForManagersOnly() throws Exception {
		String app = api.application();
		api.deployment(app, "production", "1.0", "blue");
		RestTestClient manager = api.person("RELEASE_MANAGER").client();
		// the operator's HAProxy is not running: the answer says so in a sentence,
		// without
		// the socket's path or the system's error text
		String refused = put(manager, app,
				Map.of("connection", "haproxy", "settings", Map.of("backend", Api.unique("shop"))), 422);
		assertThat(refused)
			.containsPattern(
					"cannot read the load balancer: the load balancer (could not be reached|refused the connection)")
			.doesNotContain("admin.sock")
			.doesNotContain("No such file")
			.doesNotContain("/tmp");

		String lb = Api.unique("lb");
		org.releasegate.traffic.InMemoryLoadBalancer.create(lb, Map.of("blue", 1.0));
		put(manager, app, Map.of("connection", "memory", "settings", Map.of("name", lb)), 201);
		org.releasegate.traffic.InMemoryLoadBalancer.get(lb).down(true);
		RestTestClient auditor = api.person("AUDITOR").client();
		await().atMost(Duration.ofSeconds(10)).until(() -> get(auditor, app, "traffic").contains("lastError"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get(auditor, app, "traffic").contains("the load balancer could not be reached"));
		assertThat(get(auditor, app, "traffic")).doesNotContain("no load balancer named").doesNotContain(lb);

		assertThat(get(manager, app, "binding")).contains("\"connection\":\"memory\"").contains(lb);
		assertThat(get(auditor, app, "binding")).contains("\"adapter\":\"memory\"")
			.contains("\"settings\":null")
			.doesNotContain(lb);
		assertThat(get(api.person("ENGINEER").client(), app, "binding")).doesNotContain(lb);
	}

	@Test
	void anEndpointBelongsToOneRunningDeployment() {
		String app = api.application();
		api.deployment(app, "production", "1.0", "blue");
		String answer = api.admin()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", app, "environment", "production", "version", "2.0", "endpoint", "blue"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(answer).contains("endpoint blue of " + app + " in production already belongs to another running "
				+ "deployment; retire that one first");
		// another environment is fine, and so is the same version again (a retry)
		api.deployment(app, "staging", "2.0", "blue");
		api.admin()
			.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("application", app, "environment", "production", "version", "1.0", "endpoint", "blue"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String put(RestTestClient client, String app, Map<String, Object> body, int status) {
		return client.put()
			.uri("/api/v1/applications/{app}/environments/production/binding", app)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String get(RestTestClient client, String app, String what) {
		return client.get()
			.uri("/api/v1/applications/{app}/environments/production/" + what, app)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** A TCP listener that counts the connections it accepts. */
	static final class Listener implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger connections = new AtomicInteger();

		private Listener(ServerSocket socket) {
			this.socket = socket;
			Thread thread = new Thread(() -> {
				while (!socket.isClosed()) {
					try (Socket accepted = socket.accept()) {
						connections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "attack-listener");
			thread.setDaemon(true);
			thread.start();
		}

		static Listener on(String address) throws IOException {
			ServerSocket socket = new ServerSocket();
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			return new Listener(socket);
		}

		int port() {
			return socket.getLocalPort();
		}

		int connections() {
			return connections.get();
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}

	}

}
