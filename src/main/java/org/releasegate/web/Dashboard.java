package org.releasegate.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.releasegate.common.Slice;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentCatalog.EnvironmentDeployments;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseCatalog.OpenRelease;
import org.releasegate.releases.ReleaseStatus;
import org.releasegate.traffic.TrafficControl.BindingState;
import org.releasegate.traffic.TrafficOverview;
import org.releasegate.traffic.TrafficOverview.EnvironmentTraffic;
import org.springframework.stereotype.Service;

/**
 * What the dashboard shows: first what needs the reader (releases waiting for their
 * decision, releases running, load balancers that drifted or fail), then one page of
 * applications with each environment's running split, open release and load-balancer
 * state. A fixed number of queries per page, whatever the number of applications.
 */
@Service
class Dashboard {

	static final int PAGE_SIZE = 30;

	static final int ATTENTION_LIMIT = 20;

	private static final Set<ReleaseStatus> RUNNING = EnumSet.of(ReleaseStatus.IN_PROGRESS, ReleaseStatus.PAUSED,
			ReleaseStatus.ROLLING_BACK);

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	private final ReleaseCatalog releases;

	private final TrafficOverview traffic;

	Dashboard(ApplicationCatalog applications, DeploymentCatalog deployments, ReleaseCatalog releases,
			TrafficOverview traffic) {
		this.applications = applications;
		this.deployments = deployments;
		this.releases = releases;
		this.traffic = traffic;
	}

	/**
	 * One page of applications whose name or display name contains the filter (any case),
	 * after the one the cursor names, with what needs the reader's attention.
	 */
	Page page(String filter, String after, String username) {
		List<OpenRelease> open = releases.open();
		Slice<ApplicationSummary> page = applications.page(filter, after, PAGE_SIZE);
		Map<String, List<EnvironmentStatus>> environments = environments(
				page.items().stream().map(ApplicationSummary::name).toList(), open);
		List<ApplicationStatus> cards = page.items()
			.stream()
			.map(app -> new ApplicationStatus(app.name(), app.displayName(), app.owners(),
					environments.getOrDefault(app.name(), List.of())))
			.toList();
		Attention attention = new Attention(username == null ? List.of() : limit(releases.awaitingDecisionOf(username)),
				limit(open.stream().filter(r -> RUNNING.contains(r.status())).toList()),
				traffic.troubled(ATTENTION_LIMIT));
		return new Page(attention, cards, page.nextCursor());
	}

	/** The environments of one application, as its page shows them. */
	List<EnvironmentStatus> environments(String application) {
		return environments(List.of(application), releases.open()).getOrDefault(application, List.of());
	}

	private Map<String, List<EnvironmentStatus>> environments(List<String> names, List<OpenRelease> open) {
		Map<String, OpenRelease> openByEnvironment = open.stream()
			.collect(Collectors.toMap(r -> key(r.application(), r.environment()), Function.identity(),
					(first, second) -> second));
		Map<String, EnvironmentTraffic> trafficByEnvironment = traffic.of(names)
			.stream()
			.collect(Collectors.toMap(t -> key(t.application(), t.environment()), Function.identity()));
		return deployments.runningIn(names)
			.stream()
			.map(env -> environment(env, trafficByEnvironment.get(key(env.application(), env.environment())),
					openByEnvironment.get(key(env.application(), env.environment()))))
			.collect(Collectors.groupingBy(EnvironmentStatus::application, Collectors.toList()));
	}

	private static EnvironmentStatus environment(EnvironmentDeployments env, EnvironmentTraffic traffic,
			OpenRelease release) {
		List<DeploymentSummary> running = env.running();
		UUID stable = traffic == null ? null : traffic.stable(running).map(DeploymentSummary::id).orElse(null);
		return new EnvironmentStatus(env.application(), env.environment(), running, Split.of(running, stable), release,
				traffic == null ? null : traffic.binding());
	}

	private static <T> List<T> limit(List<T> items) {
		return items.size() <= ATTENTION_LIMIT ? items : items.subList(0, ATTENTION_LIMIT);
	}

	private static String key(String application, String environment) {
		return application + "/" + environment;
	}

	/** A page of the dashboard; {@code next} is the cursor of the next page, or null. */
	record Page(Attention attention, List<ApplicationStatus> applications, String next) {
	}

	/**
	 * What needs the reader: releases waiting for their decision, releases running, and
	 * load balancers that drifted or fail (each list at most {@value #ATTENTION_LIMIT}).
	 */
	record Attention(List<OpenRelease> awaitingMe, List<OpenRelease> running, List<EnvironmentTraffic> troubled) {

		public boolean isEmpty() {
			return awaitingMe.isEmpty() && running.isEmpty() && troubled.isEmpty();
		}

	}

	record ApplicationStatus(String name, String displayName, Set<String> owners,
			List<EnvironmentStatus> environments) {
	}

	/**
	 * An environment of an application: its running deployments and their split, its open
	 * release (null if none) and its router binding's state (null without a binding).
	 */
	record EnvironmentStatus(String application, String name, List<DeploymentSummary> running, Split split,
			OpenRelease release, BindingState binding) {
	}

}
