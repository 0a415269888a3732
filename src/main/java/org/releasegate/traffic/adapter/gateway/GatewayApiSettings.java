package org.releasegate.traffic.adapter.gateway;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.releasegate.traffic.adapter.BindingSettings;

/**
 * Which HTTPRoute rule, and how to reach its cluster: a kubeconfig file (and context), or
 * the client's usual discovery (in-cluster service account, {@code ~/.kube/config}),
 * optionally with another API server URL.
 */
record GatewayApiSettings(String namespace, String route, int ruleIndex, Connection connection) {

	/** Kubernetes object names: DNS subdomains. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

	static GatewayApiSettings of(BindingSettings settings) {
		String namespace = name(settings, "namespace");
		String route = name(settings, "route");
		int ruleIndex;
		try {
			ruleIndex = Integer.parseInt(settings.get("ruleIndex", "0"));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("setting 'ruleIndex' must be a whole number");
		}
		if (ruleIndex < 0) {
			throw new IllegalArgumentException("setting 'ruleIndex' must not be negative");
		}
		String kubeconfig = settings.get("kubeconfig", null);
		String directory = settings.get("connectionDirectory", null);
		if (kubeconfig != null) {
			kubeconfig = org.releasegate.traffic.adapter.ConnectionFiles
				.regularFileUnder(directory == null ? null : Path.of(directory), kubeconfig, "kubeconfig")
				.toString();
		}
		String masterUrl = settings.get("masterUrl", null);
		if (masterUrl != null && !masterUrl.matches("https?://.+")) {
			throw new IllegalArgumentException("setting 'masterUrl' must be an http(s) URL");
		}
		return new GatewayApiSettings(namespace, route, ruleIndex,
				new Connection(kubeconfig, settings.get("context", null), masterUrl));
	}

	private static String name(BindingSettings settings, String key) {
		String value = settings.require(key);
		if (!NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"setting '" + key + "' must be a Kubernetes name (lower case, digits, '-', '.')");
		}
		return value;
	}

	String describe() {
		return "HTTPRoute " + namespace + "/" + route;
	}

	/** What a Kubernetes client is made from; bindings that share it share a client. */
	record Connection(String kubeconfig, String context, String masterUrl) {
	}

}
