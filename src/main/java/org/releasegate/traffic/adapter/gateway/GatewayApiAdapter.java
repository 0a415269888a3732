package org.releasegate.traffic.adapter.gateway;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.stereotype.Component;

/**
 * Kubernetes Gateway API: the weights of one HTTPRoute rule's backendRefs (members are
 * the backendRef names, usually Services). Observing also reads the route's status, and a
 * route its gateways do not accept, or whose backends do not resolve, is reported as a
 * failure: its weights would not be what users get.
 */
@Component
class GatewayApiAdapter implements LoadBalancerAdapter {

	private final KubernetesClients clients;

	GatewayApiAdapter(KubernetesClients clients) {
		this.clients = clients;
	}

	@Override
	public String type() {
		return "gateway-api";
	}

	@Override
	public void validate(BindingSettings settings) {
		GatewayApiSettings.of(settings);
	}

	@Override
	public java.util.Set<String> bindingSettings() {
		return java.util.Set.of("namespace", "route", "ruleIndex");
	}

	@Override
	public void checkConnection(java.nio.file.Path directory, BindingSettings settings) {
		String kubeconfig = settings.get("kubeconfig", null);
		if (kubeconfig != null) {
			KubernetesClients.checkKubeconfig(org.releasegate.traffic.adapter.ConnectionFiles
				.regularFileUnder(directory, kubeconfig, "kubeconfig"));
		}
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		GatewayApiSettings gateway = GatewayApiSettings.of(settings);
		RouteRule rule = RouteRule.of(get(gateway, route(gateway)), gateway);
		List<String> problems = rule.problems();
		if (!problems.isEmpty()) {
			throw new LoadBalancerException(gateway.describe() + " is not working: " + String.join("; ", problems));
		}
		return rule.shares();
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		GatewayApiSettings gateway = GatewayApiSettings.of(settings);
		Resource<HTTPRoute> route = route(gateway);
		List<Map<String, Object>> patch = RouteRule.of(get(gateway, route), gateway).patch(desired);
		if (patch.isEmpty()) {
			return;
		}
		try {
			route.patch(PatchContext.of(PatchType.JSON),
					clients.client(gateway.connection()).getKubernetesSerialization().asJson(patch));
		}
		catch (KubernetesClientException ex) {
			throw new LoadBalancerException("cannot patch " + gateway.describe() + ": " + reason(ex), ex);
		}
	}

	private Resource<HTTPRoute> route(GatewayApiSettings gateway) {
		try {
			return clients.client(gateway.connection())
				.resources(HTTPRoute.class)
				.inNamespace(gateway.namespace())
				.withName(gateway.route());
		}
		catch (RuntimeException ex) {
			// a kubeconfig that is missing or unreadable fails here, in several ways
			throw new LoadBalancerException("cannot set up a Kubernetes client for " + gateway.describe() + ": "
					+ (ex instanceof KubernetesClientException client ? reason(client) : ex.getMessage()), ex);
		}
	}

	private static HTTPRoute get(GatewayApiSettings gateway, Resource<HTTPRoute> route) {
		try {
			return route.get();
		}
		catch (KubernetesClientException ex) {
			throw new LoadBalancerException("cannot read " + gateway.describe() + ": " + reason(ex), ex);
		}
	}

	private static String reason(KubernetesClientException ex) {
		return ex.getStatus() != null && ex.getStatus().getMessage() != null
				? ex.getCode() + " " + ex.getStatus().getMessage() : String.valueOf(ex.getMessage());
	}

}
