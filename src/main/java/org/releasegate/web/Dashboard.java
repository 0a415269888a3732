package org.releasegate.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.springframework.stereotype.Service;

/** What the dashboard shows: every application and environment with its running split. */
@Service
class Dashboard {

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	Dashboard(ApplicationCatalog applications, DeploymentCatalog deployments) {
		this.applications = applications;
		this.deployments = deployments;
	}

	/** Applications whose name or display name contains the filter (any case). */
	List<ApplicationStatus> applications(String filter) {
		String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
		return applications.summaries()
			.stream()
			.filter(app -> needle.isEmpty() || app.name().toLowerCase(Locale.ROOT).contains(needle)
					|| app.displayName().toLowerCase(Locale.ROOT).contains(needle))
			.map(this::status)
			.toList();
	}

	List<EnvironmentStatus> environments(String application) {
		return deployments.environments(application).stream().map(env -> environment(application, env)).toList();
	}

	private ApplicationStatus status(ApplicationSummary app) {
		return new ApplicationStatus(app.name(), app.displayName(), app.owners(), environments(app.name()));
	}

	private EnvironmentStatus environment(String application, String environment) {
		List<DeploymentSummary> running = deployments.running(application, environment);
		return new EnvironmentStatus(environment, running, Split.of(running));
	}

	record ApplicationStatus(String name, String displayName, Set<String> owners,
			List<EnvironmentStatus> environments) {
	}

	record EnvironmentStatus(String name, List<DeploymentSummary> running, Split split) {
	}

}
