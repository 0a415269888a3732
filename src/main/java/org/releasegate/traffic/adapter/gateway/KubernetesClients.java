package org.releasegate.traffic.adapter.gateway;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * One client per cluster connection, made on first use and closed with the application.
 * Retries are the reconciler's job, so the client gives up fast instead of backing off
 * for a minute.
 */
@Component
class KubernetesClients {

	private final Map<GatewayApiSettings.Connection, KubernetesClient> clients = new ConcurrentHashMap<>();

	KubernetesClient client(GatewayApiSettings.Connection connection) {
		return clients.computeIfAbsent(connection, KubernetesClients::create);
	}

	private static KubernetesClient create(GatewayApiSettings.Connection connection) {
		Config config = connection.kubeconfig() != null
				? Config.fromKubeconfig(connection.context(), new File(connection.kubeconfig()))
				: Config.autoConfigure(connection.context());
		if (connection.masterUrl() != null) {
			config.setMasterUrl(connection.masterUrl());
		}
		config.setConnectionTimeout(5_000);
		config.setRequestTimeout(10_000);
		config.setRequestRetryBackoffLimit(0);
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	@PreDestroy
	void close() {
		clients.values().forEach(KubernetesClient::close);
		clients.clear();
	}

}
