package org.releasegate.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stack's compose file, without Docker: its services, health checks and volumes,
 * the files it mounts, its secrets, the connection it gives ReleaseGate, and the HAProxy
 * and Prometheus configurations it mounts, checked by HAProxy and Prometheus themselves.
 */
class ComposeStackTest {

	static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

	static final Path HAPROXY_CONFIG = Path.of("deploy/compose/haproxy.cfg");

	static final Path PROMETHEUS_CONFIG = Path.of("deploy/compose/prometheus.yml");

	static final Path POSTGRES_INIT = Path.of("deploy/compose/postgres-init.sql");

	private final Map<String, Object> compose = load(COMPOSE_FILE);

	@Test
	void runsTheDatabaseTheServiceTheLoadBalancerTwoVersionsAndPrometheus() {
		assertThat(services()).containsOnlyKeys("postgres", "releasegate", "haproxy", "demo-v1", "demo-v2",
				"prometheus");
		assertThat(service("releasegate")).containsEntry("build", ".");
		assertThat(Path.of("Dockerfile")).isRegularFile();
		assertThat(map(service("releasegate").get("depends_on"))).containsOnlyKeys("postgres", "haproxy");
	}

	@Test
	void everyServiceHasAHealthCheck() {
		services().forEach((name, service) -> {
			Map<String, Object> healthcheck = map(map(service).get("healthcheck"));
			assertThat(healthcheck).as("health check of %s", name).isNotEmpty();
			List<String> test = list(healthcheck.get("test"));
			assertThat(test).as("health check of %s", name).hasSizeGreaterThan(1).startsWith("CMD");
		});
	}

	@Test
	void theDatabaseKeepsItsDataInANamedVolumeAndEveryMountedFileIsInTheRepository() {
		Map<String, Object> declared = map(compose.get("volumes"));
		assertThat(list(service("postgres").get("volumes"))).contains("releasegate-db:/var/lib/postgresql/data");
		List<String> mounted = new ArrayList<>();
		services().forEach((name, service) -> {
			for (String volume : list(map(service).get("volumes"))) {
				String source = volume.split(":")[0];
				if (source.startsWith(".")) {
					assertThat(Path.of(source)).as("%s mounts %s", name, source).exists();
					mounted.add(source);
				}
				else {
					assertThat(declared).as("%s uses the volume %s", name, source).containsKey(source);
				}
			}
		});
		assertThat(mounted).contains("./" + HAPROXY_CONFIG, "./" + PROMETHEUS_CONFIG, "./" + POSTGRES_INIT,
				"./deploy/compose/demo-app/v1", "./deploy/compose/demo-app/v2");
		assertThat(Path.of("deploy/compose/demo-app/v1/index.html")).content().contains("v1").doesNotContain("v2");
		assertThat(Path.of("deploy/compose/demo-app/v2/index.html")).content().contains("v2").doesNotContain("v1");
	}

	@Test
	void everySecretIsMarkedAsTheDemosOwnAndTheRolesMatchTheInitScript() throws IOException {
		services().forEach((name, service) -> environment(name).forEach((variable, value) -> {
			if (variable.matches(".*(PASSWORD|SECRET|KEY|TOKEN).*")) {
				assertThat(value).as("%s of %s", variable, name).startsWith("demo-only-");
			}
		}));
		Map<String, String> env = environment("releasegate");
		assertThat(env).containsKeys("RELEASEGATE_DB_USER", "RELEASEGATE_DB_MIGRATION_USER")
			.doesNotContainEntry("RELEASEGATE_DB_USER", env.get("RELEASEGATE_DB_MIGRATION_USER"));

		String init = Files.readString(POSTGRES_INIT);
		assertThat(init)
			.contains("create role " + env.get("RELEASEGATE_DB_MIGRATION_USER") + " login password '"
					+ env.get("RELEASEGATE_DB_MIGRATION_PASSWORD") + "'")
			.contains("create role " + env.get("RELEASEGATE_DB_USER") + " login password '"
					+ env.get("RELEASEGATE_DB_PASSWORD") + "'")
			.contains("create database releasegate owner " + env.get("RELEASEGATE_DB_MIGRATION_USER"))
			.as("grants are the migrations' work")
			.doesNotContainPattern("(?im)^\\s*grant ");
		assertThat(env.get("RELEASEGATE_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/releasegate");
	}

	@Test
	void releaseGateGetsTheDemoConnectionToHaproxysRuntimeApiAndMayReachIt() throws IOException {
		Map<String, String> env = environment("releasegate");
		// bound the way Spring Boot binds environment variables to properties
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("compose", new java.util.HashMap<>(env)));
		Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
		assertThat(binder.bind("releasegate.traffic.connections.demo.adapter", String.class).get())
			.isEqualTo("haproxy");
		String address = binder.bind("releasegate.traffic.connections.demo.settings.address", String.class).get();
		// application.yml reads RELEASEGATE_DEMO into releasegate.demo.enabled
		assertThat(env).containsEntry("RELEASEGATE_DEMO", "true");

		Matcher tcp = Pattern.compile("tcp:([a-z0-9-]+):(\\d+)").matcher(address);
		assertThat(tcp.matches()).as(address).isTrue();
		assertThat(services()).containsKey(tcp.group(1));
		assertThat(Files.readString(HAPROXY_CONFIG))
			.contains("stats socket ipv4@0.0.0.0:" + tcp.group(2) + " level admin");
		assertThat(binder.bind("releasegate.egress.allowed", String.class).get().split(",")).contains(tcp.group(1));
	}

	@Test
	void haproxySendsEveryoneToV1AndNothingToV2AtFirst() throws IOException {
		String config = Files.readString(HAPROXY_CONFIG);
		assertThat(config).containsPattern("(?m)^\\s+server v1 demo-v1:80 weight 256$")
			.containsPattern("(?m)^\\s+server v2 demo-v2:80 weight 0$");
		assertThat(services()).containsKeys("demo-v1", "demo-v2");
		assertThat(list(service("haproxy").get("volumes")))
			.contains("./" + HAPROXY_CONFIG + ":/usr/local/etc/haproxy/haproxy.cfg:ro");
	}

	@Test
	void haproxyAcceptsItsConfiguration() throws Exception {
		Path haproxy = Path.of(System.getenv().getOrDefault("HAPROXY_BINARY", "/usr/sbin/haproxy"));
		assumeInstalled(haproxy, "apt-get install haproxy");
		Result check = run(haproxy.toString(), "-c", "-f", HAPROXY_CONFIG.toString());
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("Configuration file is valid");
	}

	@Test
	void prometheusAcceptsItsConfigurationAndScrapesReleaseGateAndHaproxy() throws Exception {
		String config = Files.readString(PROMETHEUS_CONFIG);
		assertThat(config).contains("metrics_path: /actuator/prometheus", "\"releasegate:8080\"", "\"haproxy:8405\"");
		assertThat(Files.readString(HAPROXY_CONFIG)).contains("bind :8405")
			.contains("use-service prometheus-exporter if { path /metrics }");
		Path promtool = Path.of("/usr/bin/promtool");
		Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed (apt-get install prometheus)");
		Result check = run(promtool.toString(), "check", "config", PROMETHEUS_CONFIG.toString());
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	private static void assumeInstalled(Path binary, String install) {
		boolean installed = Files.isExecutable(binary);
		if (!installed && System.getenv("CI") != null) {
			throw new AssertionError(binary + " is required in CI but missing (" + install + ")");
		}
		Assumptions.assumeTrue(installed, binary + " is not installed (" + install + ")");
	}

	private record Result(int exitCode, String output) {
	}

	private static Result run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish within 30 s");
		}
		return new Result(process.exitValue(), output);
	}

	private Map<String, Object> services() {
		return map(compose.get("services"));
	}

	private Map<String, Object> service(String name) {
		return map(services().get(name));
	}

	private Map<String, String> environment(String service) {
		Map<String, String> environment = new java.util.LinkedHashMap<>();
		map(service(service).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	private static Map<String, Object> load(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value == null ? Map.of() : (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Object value) {
		return value == null ? List.of() : (List<String>) value;
	}

}
