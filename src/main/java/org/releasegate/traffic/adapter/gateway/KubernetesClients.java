package org.releasegate.traffic.adapter.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.releasegate.egress.Egress;
import org.releasegate.traffic.adapter.ConnectionFiles;
import org.springframework.stereotype.Component;

/**
 * One client per cluster connection, made on first use and closed with the application.
 * Retries are the reconciler's job, so the client gives up fast instead of backing off
 * for a minute. A kubeconfig is read only from the connection's directory, and one whose
 * users run programs ({@code exec}, {@code auth-provider}) is refused; without one, only
 * the in-cluster service account is used (never {@code ~/.kube/config}). The API server
 * must be allowed by the egress policy.
 */
@Component
class KubernetesClients {

	private final Map<GatewayApiSettings.Connection, KubernetesClient> clients = new ConcurrentHashMap<>();

	private final Egress egress;

	KubernetesClients(Egress egress) {
		this.egress = egress;
	}

	KubernetesClient client(GatewayApiSettings.Connection connection) {
		return clients.computeIfAbsent(connection, this::create);
	}

	private KubernetesClient create(GatewayApiSettings.Connection connection) {
		Config config;
		if (connection.kubeconfig() != null) {
			String content = checkKubeconfig(Path.of(connection.kubeconfig()));
			config = Config.fromKubeconfig(connection.context(), content, null);
		}
		else {
			System.setProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
			config = Config.autoConfigure(connection.context());
		}
		if (connection.masterUrl() != null) {
			config.setMasterUrl(connection.masterUrl());
		}
		egress.check(URI.create(config.getMasterUrl()));
		config.setConnectionTimeout(5_000);
		config.setRequestTimeout(10_000);
		config.setRequestRetryBackoffLimit(0);
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	/**
	 * Reads a kubeconfig (size-capped) and refuses one whose users run programs.
	 * @throws IllegalArgumentException naming the setting
	 */
	static String checkKubeconfig(Path file) {
		String content;
		Object parsed;
		try {
			content = ConnectionFiles.read(file);
			parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("setting 'kubeconfig' is not a readable kubeconfig file");
		}
		if (parsed instanceof Map<?, ?> root && root.get("users") instanceof List<?> users) {
			for (Object entry : users) {
				if (entry instanceof Map<?, ?> named && named.get("user") instanceof Map<?, ?> user
						&& (user.containsKey("exec") || user.containsKey("auth-provider"))) {
					throw new IllegalArgumentException(
							"setting 'kubeconfig' has a user with 'exec' or 'auth-provider': programs are not run");
				}
			}
		}
		return content;
	}

	@PreDestroy
	void close() {
		clients.values().forEach(KubernetesClient::close);
		clients.clear();
	}

}
