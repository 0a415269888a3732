package org.releasegate.traffic.adapter.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against fabric8's Kubernetes mock server, which stores what it is sent. */
@EnableKubernetesMockClient(crud = true, https = false)
class GatewayApiAdapterTest {

	static KubernetesMockServer server;

	static KubernetesClient client;

	final KubernetesClients clients = new KubernetesClients(
			org.releasegate.egress.Egress.allowing("127.0.0.1/32", "localhost"));

	final GatewayApiAdapter adapter = new GatewayApiAdapter(clients);

	BindingSettings settings;

	@BeforeEach
	void createRoute() {
		client.resources(HTTPRoute.class).inNamespace("shop").resource(route(100, 0)).create();
		settings = new BindingSettings(Map.of("namespace", "shop", "route", "checkout", "ruleIndex", "1", "masterUrl",
				client.getMasterUrl().toString()));
	}

	@AfterEach
	void deleteRouteAndCloseClients() {
		client.resources(HTTPRoute.class).inNamespace("shop").withName("checkout").delete();
		clients.close();
	}

	@Test
	void patchesTheRuleWeightsAndReadsThemBack() {
		assertThat(adapter.observe(settings).percentByMember()).containsExactly(Map.entry("checkout-v1", 100.0),
				Map.entry("checkout-v2", 0.0));

		for (int v2 : new int[] { 10, 50, 100 }) {
			adapter.apply(settings, new MemberShares(Map.of("checkout-v1", 100.0 - v2, "checkout-v2", (double) v2)));
			assertThat(weights(1)).containsExactly(100 - v2, v2);
			assertThat(adapter.observe(settings).percentByMember())
				.containsExactly(Map.entry("checkout-v1", 100.0 - v2), Map.entry("checkout-v2", (double) v2));
		}
		assertThat(weights(0)).as("the other rule is untouched").containsExactly(7);
	}

	@Test
	void fractionalSharesAreScaledAndAMissingBackendIsRefused() {
		adapter.apply(settings, new MemberShares(Map.of("checkout-v1", 97.5, "checkout-v2", 2.5)));
		assertThat(weights(1)).containsExactly(975, 25);
		assertThat(adapter.observe(settings).of("checkout-v2")).isEqualTo(2.5);

		assertThatThrownBy(() -> adapter.apply(settings,
				new MemberShares(Map.of("checkout-v1", 50.0, "checkout-v2", 25.0, "checkout-v3", 25.0))))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("no backendRef named 'checkout-v3'");
		assertThat(weights(1)).containsExactly(975, 25);
	}

	@Test
	void aRouteTheGatewayRejectsIsReported() {
		HTTPRoute route = client.resources(HTTPRoute.class).inNamespace("shop").withName("checkout").get();
		route.setStatus(new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder()
			.withParents(new RouteParentStatusBuilder().withNewParentRef()
				.withName("public-gateway")
				.endParentRef()
				.withControllerName("example.com/gateway")
				.withConditions(
						new ConditionBuilder().withType("Accepted").withStatus("True").withReason("Accepted").build(),
						new ConditionBuilder().withType("ResolvedRefs")
							.withStatus("False")
							.withReason("BackendNotFound")
							.withMessage("service shop/checkout-v2 not found")
							.withObservedGeneration(route.getMetadata().getGeneration())
							.build())
				.build())
			.build());
		client.resource(route).updateStatus();

		assertThatThrownBy(() -> adapter.observe(settings)).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining(
					"public-gateway: ResolvedRefs=False (BackendNotFound: service shop/checkout-v2 not found)");
	}

	@Test
	void missingRoutesRulesAndClustersAreReported() {
		assertThatThrownBy(() -> adapter.observe(with("route", "payments"))).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("HTTPRoute shop/payments does not exist");
		assertThatThrownBy(() -> adapter.observe(with("ruleIndex", "5"))).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("has no rule 5 (it has 2)");
		assertThatThrownBy(() -> adapter
			.observe(with("masterUrl", "http://127.0.0.1:" + org.releasegate.traffic.adapter.Backends.freePort())))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("cannot read HTTPRoute shop/checkout");
		assertThatIllegalArgumentException().isThrownBy(() -> adapter.observe(with("kubeconfig", "/etc/passwd")))
			.withMessageContaining("kubeconfig");
	}

	@Test
	void kubeconfigsOnlyFromTheConnectionsDirectoryAndWithoutPrograms(@org.junit.jupiter.api.io.TempDir Path directory)
			throws Exception {
		Path marker = directory.resolve("ran");
		Files.writeString(directory.resolve("exec.yaml"),
				"""
						apiVersion: v1
						kind: Config
						clusters: [{name: c, cluster: {server: "%s"}}]
						contexts: [{name: x, context: {cluster: c, user: u}}]
						current-context: x
						users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: touch, args: ["%s"]}}}]
						"""
					.formatted(client.getMasterUrl(), marker));
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> adapter.checkConnection(directory, new BindingSettings(Map.of("kubeconfig", "exec.yaml"))))
			.withMessageContaining("exec");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.checkConnection(directory,
					new BindingSettings(Map.of("kubeconfig", "../../../../../../etc/hostname"))))
			.withMessageContaining("regular file");
		assertThatThrownBy(
				() -> adapter.observe(with("kubeconfig", "exec.yaml", "connectionDirectory", directory.toString())))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("exec");
		assertThat(marker).doesNotExist();
	}

	@Test
	void thePatchFirstTestsThatEachIndexStillHoldsTheSameBackend() {
		RouteRule rule = RouteRule.of(route(100, 0), GatewayApiSettings.of(settings));
		assertThat(rule.patch(new MemberShares(Map.of("checkout-v2", 100.0, "checkout-v1", 0.0)))).containsExactly(
				Map.of("op", "test", "path", "/spec/rules/1/backendRefs/0/name", "value", "checkout-v1"),
				Map.of("op", "add", "path", "/spec/rules/1/backendRefs/0/weight", "value", 0),
				Map.of("op", "test", "path", "/spec/rules/1/backendRefs/1/name", "value", "checkout-v2"),
				Map.of("op", "add", "path", "/spec/rules/1/backendRefs/1/weight", "value", 100));
	}

	@Test
	void settingsNameWhatIsWrong() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(Map.of("route", "x"))))
			.withMessageContaining("namespace");
		assertThatIllegalArgumentException().isThrownBy(() -> adapter.validate(with("route", "Not A Name")))
			.withMessageContaining("route");
		assertThatIllegalArgumentException().isThrownBy(() -> adapter.validate(with("ruleIndex", "-1")))
			.withMessageContaining("ruleIndex");
		assertThatIllegalArgumentException().isThrownBy(() -> adapter.validate(with("kubeconfig", "kube.yaml")))
			.withMessageContaining("kubeconfig");
	}

	private BindingSettings with(String key, String value, String otherKey, String otherValue) {
		Map<String, String> values = new java.util.HashMap<>(settings.values());
		values.put(key, value);
		values.put(otherKey, otherValue);
		return new BindingSettings(values);
	}

	private BindingSettings with(String key, String value) {
		Map<String, String> values = new java.util.HashMap<>(settings.values());
		values.put(key, value);
		return new BindingSettings(values);
	}

	private List<Integer> weights(int rule) {
		return client.resources(HTTPRoute.class)
			.inNamespace("shop")
			.withName("checkout")
			.get()
			.getSpec()
			.getRules()
			.get(rule)
			.getBackendRefs()
			.stream()
			.map(HTTPBackendRef::getWeight)
			.toList();
	}

	static HTTPRoute route(int v1, int v2) {
		return new HTTPRouteBuilder().withNewMetadata()
			.withName("checkout")
			.withNamespace("shop")
			.endMetadata()
			.withNewSpec()
			.addNewParentRef()
			.withName("public-gateway")
			.endParentRef()
			.addNewRule()
			.addNewMatch()
			.withNewPath()
			.withType("PathPrefix")
			.withValue("/admin")
			.endPath()
			.endMatch()
			.withBackendRefs(ref("checkout-admin", 7))
			.endRule()
			.addNewRule()
			.withBackendRefs(ref("checkout-v1", v1), ref("checkout-v2", v2))
			.endRule()
			.endSpec()
			.build();
	}

	static HTTPBackendRef ref(String name, int weight) {
		return new HTTPBackendRefBuilder().withName(name).withPort(8080).withWeight(weight).build();
	}

}
