package org.releasegate.traffic.adapter.nginx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releasegate.traffic.adapter.Backends;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter against a real NGINX with two backends standing for v1 and v2. One worker
 * and no keep-alive make NGINX's smooth weighted round robin deterministic: 200 requests
 * at 90/10 give 180/20, so the tolerance is 2 requests per version.
 */
class NginxAdapterIT {

	static final Path NGINX = Path.of("/usr/sbin/nginx");

	static final int REQUESTS = 200;

	static final int TOLERANCE = 2;

	@TempDir
	Path prefix;

	final Backends backends = new Backends();

	final NginxAdapter adapter = new NginxAdapter();

	Process nginx;

	String v1;

	String v2;

	String url;

	BindingSettings settings;

	@BeforeEach
	void startNginx() throws Exception {
		boolean installed = Files.isExecutable(NGINX);
		if (System.getenv("CI") != null) {
			assertThat(installed).as("nginx must be installed at " + NGINX + " in CI").isTrue();
		}
		Assumptions.assumeTrue(installed, "nginx is not installed at " + NGINX + ": skipping the real NGINX test");
		v1 = backends.start("v1");
		v2 = backends.start("v2");
		int port = Backends.freePort();
		url = "http://127.0.0.1:" + port + "/";
		Files.writeString(prefix.resolve("checkout.conf"), """
				upstream checkout {
				    server %s weight=100;
				    server %s down;
				}
				""".formatted(v1, v2));
		Files.writeString(prefix.resolve("nginx.conf"), """
				%s
				daemon off;
				worker_processes 1;
				pid %s/nginx.pid;
				error_log %s/error.log;
				events { worker_connections 64; }
				http {
				    access_log off;
				    keepalive_timeout 0;
				    client_body_temp_path %s/body;
				    proxy_temp_path %s/proxy;
				    fastcgi_temp_path %s/fastcgi;
				    uwsgi_temp_path %s/uwsgi;
				    scgi_temp_path %s/scgi;
				    include %s/checkout.conf;
				    server {
				        listen 127.0.0.1:%d;
				        location / { proxy_pass http://checkout; }
				    }
				}
				""".formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "", prefix, prefix,
				prefix, prefix, prefix, prefix, prefix, prefix, port));
		nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c",
				prefix.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("nginx.out").toFile())
			.start();
		Files.setPosixFilePermissions(prefix.resolve("checkout.conf"),
				java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
		settings = new BindingSettings(Map.of("upstreamFile", prefix.resolve("checkout.conf").toString(), "upstream",
				"checkout", "connectionDirectory", prefix.toString(), "nginxPrefix", prefix.toString(), "nginxConfig",
				prefix.resolve("nginx.conf").toString()));
		awaitWorkersOtherThan(Set.of());
		awaitServing();
	}

	@AfterEach
	void stopEverything() throws Exception {
		if (nginx != null) {
			Set<ProcessHandle> all = nginx.descendants().collect(Collectors.toSet());
			nginx.destroy();
			if (!nginx.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
				nginx.destroyForcibly();
			}
			all.forEach(ProcessHandle::destroyForcibly);
		}
		backends.close();
	}

	@Test
	void splitsMoveTrafficStepByStep() throws Exception {
		assertThat(adapter.observe(settings).percentByMember()).containsExactly(Map.entry(v1, 100.0),
				Map.entry(v2, 0.0));
		assertThat(backends.count(url, REQUESTS)).containsExactly(Map.entry("v1", REQUESTS));

		for (int v2Percent : new int[] { 10, 50, 100 }) {
			int v1Percent = 100 - v2Percent;
			apply(Map.of(v1, (double) v1Percent, v2, (double) v2Percent));
			assertThat(adapter.observe(settings).percentByMember()).containsEntry(v1, (double) v1Percent)
				.containsEntry(v2, (double) v2Percent);
			Map<String, Integer> answers = backends.count(url, REQUESTS);
			assertThat(answers.getOrDefault("v1", 0)).as("v1 answers at %d/%d: %s", v1Percent, v2Percent, answers)
				.isCloseTo(REQUESTS * v1Percent / 100, org.assertj.core.data.Offset.offset(TOLERANCE));
			assertThat(answers.getOrDefault("v2", 0)).as("v2 answers at %d/%d: %s", v1Percent, v2Percent, answers)
				.isCloseTo(REQUESTS * v2Percent / 100, org.assertj.core.data.Offset.offset(TOLERANCE));
		}
		assertThat(Files.readString(prefix.resolve("checkout.conf"))).contains("server " + v1 + " down;");
		assertThat(java.nio.file.attribute.PosixFilePermissions
			.toString(Files.getPosixFilePermissions(prefix.resolve("checkout.conf")))).isEqualTo("rw-r-----");
	}

	@Test
	void aRejectedConfigurationLeavesTheRunningOneServing() throws Exception {
		apply(Map.of(v1, 50.0, v2, 50.0));
		String before = Files.readString(prefix.resolve("checkout.conf"));
		Set<Long> workers = workers();

		assertThatThrownBy(
				() -> adapter.apply(settings, new MemberShares(Map.of(v1, 50.0, v2, 25.0, "127.0.0.1:99999", 25.0))))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("configuration check failed")
			.hasMessageContaining("invalid port");

		assertThat(Files.readString(prefix.resolve("checkout.conf"))).isEqualTo(before);
		assertThat(workers()).as("no reload happened").isEqualTo(workers);
		assertThat(backends.count(url, REQUESTS)).containsOnly(Map.entry("v1", REQUESTS / 2),
				Map.entry("v2", REQUESTS / 2));
		assertThat(adapter.observe(settings).percentByMember()).containsOnlyKeys(v1, v2);
	}

	@Test
	void aStoppedNginxIsReportedAndTheFileStillTellsWhatRan() throws Exception {
		String before = Files.readString(prefix.resolve("checkout.conf"));
		nginx.destroy();
		nginx.waitFor();

		assertThatThrownBy(() -> adapter.apply(settings, new MemberShares(Map.of(v1, 0.0, v2, 100.0))))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("reload failed");
		assertThat(Files.readString(prefix.resolve("checkout.conf"))).isEqualTo(before);
	}

	/** Applies and waits until the reloaded worker has replaced the old one. */
	private void apply(Map<String, Double> shares) throws Exception {
		Set<Long> before = workers();
		adapter.apply(settings, new MemberShares(shares));
		awaitWorkersOtherThan(before);
	}

	private Set<Long> workers() {
		return nginx.children().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
	}

	private void awaitWorkersOtherThan(Set<Long> old) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			Set<Long> now = workers();
			if (!now.isEmpty() && now.stream().noneMatch(old::contains)) {
				return;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("NGINX workers were not replaced: " + Files.readString(prefix.resolve("error.log")));
	}

	private void awaitServing() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try {
				backends.count(url, 1);
				return;
			}
			catch (java.io.IOException ex) {
				Thread.sleep(20);
			}
		}
		throw new AssertionError("NGINX did not start: " + Files.readString(prefix.resolve("nginx.out")));
	}

}
