package org.releasegate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port, on real PostgreSQL. All full-stack tests share one
 * application context (and so one database): they must not assume empty tables, so each
 * creates the applications and people it needs under names of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "releasegate.identity.admin-password=" + Api.ADMIN_PASSWORD,
				// the traffic reconciler runs every 5 s in production; tests wait for it
				"releasegate.traffic.reconcile-interval=200ms",
				// the release conductor steps every second in production
				"releasegate.releases.conduct-every=200ms", "releasegate.releases.gate-every=200ms",
				// reads approve nothing: the settler does, every 30 s in production
				"releasegate.releases.settle-every=200ms",
				// the operator's connections (TestConnections) and egress policy
				"releasegate.traffic.connections.memory.adapter=memory",
				"releasegate.traffic.connections.pull.adapter=pull",
				"releasegate.traffic.connections.haproxy.adapter=haproxy",
				"releasegate.traffic.connections.haproxy.settings.address=unix:${" + TestConnections.DIRECTORY_PROPERTY
						+ "}/haproxy/admin.sock",
				"releasegate.egress.allowed=127.0.0.1/32,localhost",

				// failed sign-ins are written to the audit log every 10 s in production
				"releasegate.identity.sign-in.audit-every=200ms",
				// every test signs in from 127.0.0.1: only SignInAttackIT's own service
				// process tests the limit per address
				"releasegate.identity.sign-in.max-failures-per-address=1000000",
				// the audit chain is keyed, as in production; its head published every
				// second
				"releasegate.audit.key=" + FullStackTest.AUDIT_KEY, "releasegate.audit.publish-head-interval-ms=1000" })
@Import({ TestcontainersConfiguration.class, Api.class, InMemoryLoadBalancer.class })
public @interface FullStackTest {

	/** The audit key of the shared test context. */
	String AUDIT_KEY = "test-audit-key-0123456789abcdefghijklmnop";

}
