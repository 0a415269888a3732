package org.releasegate.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.TestConnections;
import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.VersionBackends;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stack without containers: the compose file's own HAProxy configuration, with
 * its addresses moved to loopback ports of this test, in front of the demo shop's two
 * pages, bound through the test's HAProxy connection. A manual split moves real requests
 * from v1 to v2, and HAProxy's exporter serves what Prometheus scrapes.
 */
@FullStackTest
class DemoStackIT {

	@Autowired
	Api api;

	private final VersionBackends shop = new VersionBackends();

	private final HttpClient http = HttpClient.newHttpClient();

	private Process haproxy;

	private Path directory;

	@AfterEach
	void stop() throws InterruptedException, IOException {
		if (haproxy != null) {
			haproxy.destroy();
			haproxy.waitFor(5, TimeUnit.SECONDS);
		}
		shop.close();
		if (directory != null) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	@Test
	void aManualSplitMovesTheDemoShopsTrafficFromV1ToV2() throws Exception {
		HaproxyProcess.assumeInstalled();
		String v1 = Files.readString(Path.of("deploy/compose/demo-app/v1/index.html"));
		String v2 = Files.readString(Path.of("deploy/compose/demo-app/v2/index.html"));
		int frontend = HaproxyProcess.freePort();
		int metrics = HaproxyProcess.freePort();
		startHaproxy(Files.readString(ComposeStackTest.HAPROXY_CONFIG),
				Map.of("stats socket ipv4@0.0.0.0:9999 level admin",
						"stats socket " + TestConnections.haproxySocket() + " mode 600 level admin", "bind :8000",
						"bind 127.0.0.1:" + frontend, "bind :8405", "bind 127.0.0.1:" + metrics, "demo-v1:80",
						"127.0.0.1:" + shop.start(v1), "demo-v2:80", "127.0.0.1:" + shop.start(v2)));
		String demoShop = "http://127.0.0.1:" + frontend + "/";

		String app = api.application();
		api.deployment(app, "production", "1.0.0", "v1");
		api.deployment(app, "production", "2.0.0", "v2");
		RestTestClient manager = api.person("RELEASE_MANAGER").client();
		String environment = "/api/v1/applications/" + app + "/environments/production/";
		Map<String, Object> binding = manager.put()
			.uri(environment + "binding")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("connection", "haproxy", "settings", Map.of("backend", "demo")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(binding).containsEntry("adopted", Map.of("1.0.0", 100, "2.0.0", 0));
		assertThat(shop.count(demoShop, 50)).containsOnlyKeys(v1);

		split(manager, environment, 50);
		Map<String, Integer> halves = shop.count(demoShop, 200);
		assertThat(halves.get(v1)).as("%s", halves).isBetween(80, 120);
		assertThat(halves.get(v2)).as("%s", halves).isBetween(80, 120);

		split(manager, environment, 100);
		assertThat(shop.count(demoShop, 50)).containsOnlyKeys(v2);

		String exported = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics + "/metrics")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(exported).contains("haproxy_server_weight{proxy=\"demo\",server=\"v2\"} 256");
	}

	private static void split(RestTestClient manager, String environment, int v2) {
		manager.put()
			.uri(environment + "traffic")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("split", Map.of("1.0.0", 100 - v2, "2.0.0", v2), "reason", "demo stack"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * Runs the configuration with each of {@code rewrites} replaced, every one of which
	 * must occur.
	 */
	private void startHaproxy(String config, Map<String, String> rewrites) throws IOException, InterruptedException {
		for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
			assertThat(config).as("the compose file's haproxy.cfg").contains(rewrite.getKey());
			config = config.replace(rewrite.getKey(), rewrite.getValue());
		}
		directory = Files.createTempDirectory("demo-haproxy");
		Path file = Files.writeString(directory.resolve("haproxy.cfg"), config);
		Files.deleteIfExists(TestConnections.haproxySocket());
		haproxy = new ProcessBuilder(HaproxyProcess.BINARY.toString(), "-db", "-f", file.toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("haproxy.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Files.exists(TestConnections.haproxySocket())) {
			assertThat(haproxy.isAlive()).as("HAProxy runs: %s", Files.readString(directory.resolve("haproxy.log")))
				.isTrue();
			assertThat(System.nanoTime()).as("HAProxy opens its admin socket within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
