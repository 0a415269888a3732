package org.releasegate.traffic;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.UnprocessableException;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.deployments.DeploymentTraffic;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves router bindings; the first save adopts what the load balancer does now. */
@Service
class BindingService {

	private final Bindings bindings;

	private final TrafficLog trafficLog;

	private final Adapters adapters;

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	private final DeploymentTraffic deploymentTraffic;

	private final AuditLog audit;

	private final Clock clock;

	BindingService(Bindings bindings, TrafficLog trafficLog, Adapters adapters, ApplicationCatalog applications,
			DeploymentCatalog deployments, DeploymentTraffic deploymentTraffic, AuditLog audit, Clock clock) {
		this.bindings = bindings;
		this.trafficLog = trafficLog;
		this.adapters = adapters;
		this.applications = applications;
		this.deployments = deployments;
		this.deploymentTraffic = deploymentTraffic;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Checks the settings and reads the load balancer; refuses (422, naming what failed)
	 * when either fails. A first save makes the observed split the desired one.
	 */
	@Transactional
	BindingView save(String application, String environment, String connection, Map<String, String> values,
			DriftPolicy driftPolicy) {
		if (!applications.exists(application)) {
			throw new NotFoundException("no application '" + application + "'");
		}
		BindingSettings settings = adapters.bindingSettings(connection, values == null ? Map.of() : values);
		String adapterType = adapters.adapterOf(connection);
		Adapters.Connected loadBalancer = adapters.connect(settings);
		try {
			loadBalancer.validate();
		}
		catch (LoadBalancerException ex) {
			throw new UnprocessableException("settings", "the settings do not fit the connection: " + ex.sentence());
		}
		MemberShares observed;
		try {
			observed = loadBalancer.observe();
		}
		catch (LoadBalancerException ex) {
			throw new UnprocessableException("settings", "cannot read the load balancer: " + ex.sentence());
		}
		Instant now = clock.instant();
		List<DeploymentSummary> running = deployments.running(application, environment);
		MemberMapping.Observed mapped = MemberMapping.observed(observed, running);
		DriftPolicy policy = driftPolicy == null ? DriftPolicy.CORRECT : driftPolicy;
		Optional<Binding> existing = bindings.find(application, environment);
		if (existing.isPresent()) {
			Binding before = existing.get();
			Binding after = new Binding(application, environment, adapterType, settings, policy, before.desired(),
					observed.percentByMember(), now, before.inSync(), null, before.lastAppliedAt());
			bindings.updateSettings(after, now);
			audit.record(AuditEntry.of("traffic.binding-changed", "router-binding", application + "/" + environment)
				.in(application, environment)
				.before(BindingView.of(before))
				.after(BindingView.of(after)));
			return view(after, false, null, mapped);
		}
		Split adopted = mapped.asSplit();
		Binding binding = new Binding(application, environment, adapterType, settings, policy, adopted,
				observed.percentByMember(), now, null, null, null);
		bindings.insert(binding, now);
		if (adopted != null) {
			trafficLog.decided(application, environment, adopted, "adopted from the load balancer",
					Actor.current().name(), now);
			deploymentTraffic.holdTraffic(application, environment, adopted.percentByDeployment());
		}
		BindingView view = view(binding, true, adopted, mapped);
		audit.record(AuditEntry.of("traffic.binding-created", "router-binding", application + "/" + environment)
			.in(application, environment)
			.after(view));
		return view;
	}

	@Transactional(readOnly = true)
	BindingView get(String application, String environment) {
		return bindings.find(application, environment)
			.map(BindingView::of)
			.orElseThrow(() -> new NotFoundException("no router binding for " + application + " in " + environment));
	}

	/** Whether the load balancer of the binding can be read right now. */
	TrafficControl.BindingCheck check(String application, String environment) {
		Optional<Binding> binding = bindings.find(application, environment);
		if (binding.isEmpty()) {
			return new TrafficControl.BindingCheck(false,
					"no router binding for " + application + " in " + environment);
		}
		try {
			MemberShares observed = adapters.connect(binding.get().settings()).observe();
			return new TrafficControl.BindingCheck(true, "the load balancer reports " + observed.percentByMember());
		}
		catch (LoadBalancerException ex) {
			return new TrafficControl.BindingCheck(false, "cannot read the load balancer: " + ex.sentence());
		}
	}

	private BindingView view(Binding binding, boolean created, Split adopted, MemberMapping.Observed mapped) {
		Map<String, Integer> adoptedByVersion = null;
		if (adopted != null) {
			adoptedByVersion = new LinkedHashMap<>();
			for (DeploymentSummary deployment : mapped.byDeployment().keySet()) {
				adoptedByVersion.put(deployment.version(), adopted.percentOf(deployment.id()));
			}
		}
		return new BindingView(binding.application(), binding.environment(), binding.adapter(),
				BindingView.masked(binding.settings().values()), binding.driftPolicy(), created, adoptedByVersion,
				binding.observed(), mapped.unmatched(), mapped.missing());
	}

}
