package org.releasegate.deploy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Helm chart under deploy/helm/releasegate, linted and rendered by Helm's own code
 * in-process (helm-java), and the rendered objects read with fabric8's model.
 */
class HelmChartTest {

	private static final Path CHART = Path.of("deploy/helm/releasegate");

	private static final long MEMORY_BUDGET = 512L * 1024 * 1024;

	private static List<HasMetadata> defaults;

	@BeforeAll
	static void renderDefaults() {
		defaults = render(template -> template);
	}

	@Test
	void passesHelmLint() {
		LintResult lint = new Helm(CHART).lint().strict().call();
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void runsTwoReplicasProbedOnTheActuatorGroupsWithinTheMemoryBudget() {
		Deployment deployment = one(defaults, Deployment.class);
		assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
		Container container = container(deployment);
		assertThat(container.getImage()).isEqualTo("releasegate:0.1.0");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
		Map<String, Quantity> limits = container.getResources().getLimits();
		Map<String, Quantity> requests = container.getResources().getRequests();
		assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValueExact()).isLessThanOrEqualTo(MEMORY_BUDGET);
		assertThat(Quantity.getAmountInBytes(requests.get("memory")).longValueExact())
			.isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")).longValueExact());
		assertThat(requests).containsKey("cpu");
	}

	@Test
	void runsAsTheImagesNonRootUserWithoutPrivileges() {
		Deployment deployment = one(defaults, Deployment.class);
		var pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
		assertThat(pod.getRunAsNonRoot()).isTrue();
		assertThat(pod.getRunAsUser()).isEqualTo(10001L);
		var container = container(deployment).getSecurityContext();
		assertThat(container.getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
	}

	@Test
	void takesTheDatabaseCredentialsFromTheSecretNotFromPlainValues() {
		Container container = container(one(defaults, Deployment.class));
		Secret secret = one(defaults, Secret.class);
		for (String name : List.of("RELEASEGATE_DB_URL", "RELEASEGATE_DB_USER", "RELEASEGATE_DB_PASSWORD",
				"RELEASEGATE_DB_MIGRATION_USER", "RELEASEGATE_DB_MIGRATION_PASSWORD", "RELEASEGATE_ADMIN_PASSWORD",
				"RELEASEGATE_AUDIT_KEY", "RELEASEGATE_SECRETS_KEY")) {
			EnvVar variable = env(container, name);
			assertThat(variable.getValue()).as(name).isNull();
			assertThat(variable.getValueFrom().getSecretKeyRef().getName()).as(name)
				.isEqualTo(secret.getMetadata().getName());
			assertThat(variable.getValueFrom().getSecretKeyRef().getKey()).as(name).isEqualTo(name);
		}
		assertThat(secret.getStringData()).containsEntry("RELEASEGATE_DB_URL",
				"jdbc:postgresql://postgresql:5432/releasegate");
		assertThat(env(container, "RELEASEGATE_PUBLIC_URL").getValue()).isEqualTo("http://releasegate.example.com");
		assertThat(container.getEnv())
			.filteredOn(variable -> variable.getName().matches(".*(PASSWORD|SECRET|_DB_USER|_DB_URL|FLYWAY).*"))
			.hasSize(6)
			.allSatisfy(variable -> assertThat(variable.getValue()).as(variable.getName()).isNull());
	}

	@Test
	void usesAnExistingSecretAndTheMigrationOwnerWhenGiven() {
		List<HasMetadata> withExisting = render(template -> template.set("database.existingSecret", "rg-db"));
		assertThat(withExisting).noneMatch(Secret.class::isInstance);
		assertThat(env(container(one(withExisting, Deployment.class)), "RELEASEGATE_DB_PASSWORD").getValueFrom()
			.getSecretKeyRef()
			.getName()).isEqualTo("rg-db");

		List<HasMetadata> withOwner = render(template -> template.set("database.migrationUser", "releasegate_owner")
			.set("database.migrationPassword", "owner-secret")
			.set("database.password", "runtime-secret"));
		Secret secret = one(withOwner, Secret.class);
		assertThat(secret.getStringData()).containsEntry("RELEASEGATE_DB_MIGRATION_USER", "releasegate_owner")
			.containsEntry("RELEASEGATE_DB_MIGRATION_PASSWORD", "owner-secret")
			.containsEntry("RELEASEGATE_DB_PASSWORD", "runtime-secret");
		Deployment deployment = one(withOwner, Deployment.class);
		assertThat(Serialization.asYaml(deployment)).doesNotContain("owner-secret", "runtime-secret");
		assertThat(env(container(deployment), "RELEASEGATE_DB_MIGRATION_PASSWORD").getValueFrom()
			.getSecretKeyRef()
			.getOptional()).isTrue();
	}

	@Test
	void grantsOnlyGetAndPatchOnHttpRoutesToItsServiceAccount() {
		Role role = one(defaults, Role.class);
		assertThat(role.getMetadata().getNamespace()).isEqualTo("delivery");
		assertThat(role.getRules()).hasSize(1);
		PolicyRule rule = role.getRules().get(0);
		assertThat(rule.getApiGroups()).containsExactly("gateway.networking.k8s.io");
		assertThat(rule.getResources()).containsExactly("httproutes");
		assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "patch");
		assertThat(rule.getResourceNames()).isNullOrEmpty();
		assertThat(defaults).noneMatch(object -> object.getKind().startsWith("Cluster"));

		ServiceAccount account = one(defaults, ServiceAccount.class);
		RoleBinding binding = one(defaults, RoleBinding.class);
		assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
		assertThat(binding.getSubjects()).singleElement()
			.satisfies(subject -> assertThat(subject.getName()).isEqualTo(account.getMetadata().getName()));
		assertThat(one(defaults, Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
			.isEqualTo(account.getMetadata().getName());

		List<HasMetadata> twoNamespaces = render(
				template -> template.set("rbac.routeNamespaces[0]", "shop").set("rbac.routeNamespaces[1]", "delivery"));
		assertThat(twoNamespaces.stream().filter(Role.class::isInstance).map(o -> o.getMetadata().getNamespace()))
			.containsExactlyInAnyOrder("delivery", "shop");
	}

	@Test
	void keepsOneReplicaThroughDisruptionsAndServesThePodsPort() {
		PodDisruptionBudget budget = one(defaults, PodDisruptionBudget.class);
		Deployment deployment = one(defaults, Deployment.class);
		assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
		assertThat(budget.getSpec().getSelector().getMatchLabels())
			.isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
		Service service = one(defaults, Service.class);
		assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
		assertThat(service.getSpec().getPorts()).singleElement()
			.satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
		assertThat(container(deployment).getPorts()).singleElement()
			.satisfies(port -> assertThat(port.getName()).isEqualTo("http"));
	}

	@Test
	void rendersIngressAndServiceMonitorOnlyWhenEnabled() {
		assertThat(defaults).noneMatch(Ingress.class::isInstance);
		assertThat(defaults).noneMatch(object -> "ServiceMonitor".equals(object.getKind()));

		List<HasMetadata> enabled = render(template -> template.set("ingress.enabled", "true")
			.set("ingress.host", "releasegate.shop.example")
			.set("serviceMonitor.enabled", "true"));
		Ingress ingress = one(enabled, Ingress.class);
		assertThat(ingress.getSpec().getRules()).singleElement()
			.satisfies(rule -> assertThat(rule.getHost()).isEqualTo("releasegate.shop.example"));
		Service service = one(enabled, Service.class);
		assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName())
			.isEqualTo(service.getMetadata().getName());

		GenericKubernetesResource monitor = enabled.stream()
			.filter(object -> "ServiceMonitor".equals(object.getKind()))
			.map(GenericKubernetesResource.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
		List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
		assertThat(endpoints).singleElement().satisfies(endpoint -> {
			assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
			assertThat(endpoint).containsEntry("port", "http");
		});
	}

	@Test
	void mountsOperatorConfigurationAndPassesExtraEnvironment() {
		List<HasMetadata> objects = render(
				template -> template.set("config.releasegate.traffic.connections.edge.adapter", "gateway-api")
					.set("extraEnv[0].name", "RELEASEGATE_TRAFFIC_CONNECTIONS_EDGE_SETTINGS_NAMESPACE")
					.set("extraEnv[0].value", "shop")
					.set("image.repository", "registry.example.com/releasegate")
					.set("image.tag", "1.2.3"));
		var configMap = one(objects, io.fabric8.kubernetes.api.model.ConfigMap.class);
		assertThat(configMap.getData().get("application.yml")).contains("adapter: gateway-api");
		Deployment deployment = one(objects, Deployment.class);
		Container container = container(deployment);
		assertThat(container.getImage()).isEqualTo("registry.example.com/releasegate:1.2.3");
		assertThat(env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").getValue())
			.isEqualTo("optional:file:/config/application.yml");
		assertThat(env(container, "RELEASEGATE_TRAFFIC_CONNECTIONS_EDGE_SETTINGS_NAMESPACE").getValue())
			.isEqualTo("shop");
		assertThat(container.getVolumeMounts())
			.anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/config"));
		assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
			.filteredOn(volume -> volume.getConfigMap() != null)
			.singleElement()
			.satisfies(
					volume -> assertThat(volume.getConfigMap().getName()).isEqualTo(configMap.getMetadata().getName()));
		assertThat(defaults).noneMatch(io.fabric8.kubernetes.api.model.ConfigMap.class::isInstance);
		assertThat(container(one(defaults, Deployment.class)).getEnv())
			.noneMatch(variable -> variable.getName().equals("SPRING_CONFIG_ADDITIONAL_LOCATION"));
	}

	private static List<HasMetadata> render(UnaryOperator<TemplateCommand> values) {
		String yaml = values.apply(new Helm(CHART).template().withName("rg").withNamespace("delivery")).call();
		return Arrays.stream(yaml.split("(?m)^---\\s*$"))
			.filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
			.map(document -> (HasMetadata) Serialization.unmarshal(document))
			.filter(Objects::nonNull)
			.toList();
	}

	private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
		List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
		assertThat(found).as(type.getSimpleName()).hasSize(1);
		return found.get(0);
	}

	private static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static EnvVar env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter(variable -> variable.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no environment variable " + name));
	}

}
