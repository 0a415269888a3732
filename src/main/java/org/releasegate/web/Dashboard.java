package org.releasegate.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseCatalog.OpenRelease;
import org.releasegate.traffic.TrafficControl;
import org.releasegate.traffic.TrafficControl.BindingState;
import org.springframework.stereotype.Service;

/**
 * What the dashboard shows: every application and environment with its running split, its
 * open release and whether its load balancer serves what was decided.
 */
@Service
class Dashboard {

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	private final ReleaseCatalog releases;

	private final TrafficControl traffic;

	Dashboard(ApplicationCatalog applications, DeploymentCatalog deployments, ReleaseCatalog releases,
			TrafficControl traffic) {
		this.applications = applications;
		this.deployments = deployments;
		this.releases = releases;
		this.traffic = traffic;
	}

	/** Applications whose name or display name contains the filter (any case). */
	List<ApplicationStatus> applications(String filter) {
		String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
		Map<String, OpenRelease> open = openReleases();
		return applications.summaries()
			.stream()
			.filter(app -> needle.isEmpty() || app.name().toLowerCase(Locale.ROOT).contains(needle)
					|| app.displayName().toLowerCase(Locale.ROOT).contains(needle))
			.map(app -> status(app, open))
			.toList();
	}

	List<EnvironmentStatus> environments(String application) {
		return environments(application, openReleases());
	}

	private List<EnvironmentStatus> environments(String application, Map<String, OpenRelease> open) {
		return deployments.environments(application)
			.stream()
			.map(env -> environment(application, env, open.get(key(application, env))))
			.toList();
	}

	private ApplicationStatus status(ApplicationSummary app, Map<String, OpenRelease> open) {
		return new ApplicationStatus(app.name(), app.displayName(), app.owners(), environments(app.name(), open));
	}

	private EnvironmentStatus environment(String application, String environment, OpenRelease release) {
		List<DeploymentSummary> running = deployments.running(application, environment);
		Optional<BindingState> binding = traffic.bindingState(application, environment);
		UUID stable = binding.isEmpty() ? null
				: traffic.stableDeployment(application, environment).map(DeploymentSummary::id).orElse(null);
		return new EnvironmentStatus(environment, running, Split.of(running, stable), release, binding.orElse(null));
	}

	/** One open release at most per application and environment, by both names. */
	private Map<String, OpenRelease> openReleases() {
		return releases.open()
			.stream()
			.collect(Collectors.toMap(r -> key(r.application(), r.environment()), Function.identity(),
					(first, second) -> second));
	}

	private static String key(String application, String environment) {
		return application + "/" + environment;
	}

	record ApplicationStatus(String name, String displayName, Set<String> owners,
			List<EnvironmentStatus> environments) {
	}

	/**
	 * An environment of an application: its running deployments and their split, its open
	 * release (null if none) and its router binding's state (null without a binding).
	 */
	record EnvironmentStatus(String name, List<DeploymentSummary> running, Split split, OpenRelease release,
			BindingState binding) {
	}

}
