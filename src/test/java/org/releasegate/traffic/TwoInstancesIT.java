package org.releasegate.traffic;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.ReleaseGateApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ReleaseGate instances on one database (the shared test context and a second one
 * started here) reconciling the same bindings: one in-memory load balancer that notices
 * overlapping calls, and one real HAProxy.
 */
@FullStackTest
class TwoInstancesIT {

	@Autowired
	Api api;

	@Test
	void onlyOneInstanceWorksOnABindingAtATime() throws Exception {
		String app = api.application();
		api.deployment(app, "production", "1.0", "a");
		api.deployment(app, "production", "2.0", "b");
		String lb = Api.unique("lb");
		InMemoryLoadBalancer.create(lb, Map.of("a", 100.0, "b", 0.0));
		InMemoryLoadBalancer.Balancer balancer = InMemoryLoadBalancer.get(lb);
		new TrafficClient(api.admin(), app, "production")
			.bind(Map.of("connection", "memory", "settings", Map.of("name", lb)));
		balancer.delay(20);

		try (ConfigurableApplicationContext second = secondInstance()) {
			int callsBefore = balancer.calls();
			long minimum = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			// drift by hand again and again: both instances see it and try to correct it,
			// until both have worked on the binding (and at least 3 s passed)
			while (System.nanoTime() < until && (System.nanoTime() < minimum || balancer.callers().size() < 2)) {
				balancer.setByHand("b", 100.0);
				Thread.sleep(60);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> balancer.shares().get("b") == 0.0);
			assertThat(balancer.calls() - callsBefore).as("calls while both instances ran").isGreaterThan(20);
			assertThat(balancer.callers()).as("both instances worked on the binding").hasSize(2);
			assertThat(balancer.overlaps()).as("calls that overlapped another call").isZero();
		}
	}

	@Test
	void eitherInstanceRestoresARestartedHaproxy() throws Exception {
		HaproxyProcess.assumeInstalled();
		try (VersionBackends backends = new VersionBackends();
				HaproxyProcess haproxy = HaproxyProcess.start("shop",
						"server blue 127.0.0.1:" + backends.start("v1") + " weight 256",
						"server green 127.0.0.1:" + backends.start("v2") + " weight 0");
				ConfigurableApplicationContext second = secondInstance()) {
			String app = api.application();
			api.deployment(app, "production", "1.0", "blue");
			api.deployment(app, "production", "2.0", "green");
			TrafficClient traffic = new TrafficClient(api.admin(), app, "production");
			traffic.bind(Map.of("connection", "haproxy", "settings", Map.of("backend", haproxy.backend())));
			traffic.split(Map.of("1.0", 25, "2.0", 75));
			assertThat(haproxy.weight("shop", "green")).isEqualTo(192);
			haproxy.stop();
			haproxy.start();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> haproxy.weight("shop", "green") == 192 && haproxy.weight("shop", "blue") == 64);
		}
	}

	private static ConfigurableApplicationContext secondInstance() {
		// the datasource comes from the system properties TestDatabase set for this run
		return new SpringApplicationBuilder(ReleaseGateApplication.class, InMemoryLoadBalancer.class)
			.properties(org.releasegate.TestConnections.instanceProperties("server.port=0",
					"releasegate.traffic.reconcile-interval=50ms",
					"releasegate.identity.admin-password=" + Api.ADMIN_PASSWORD, "spring.jmx.enabled=false"))
			.run();
	}

}
