package org.releasegate.traffic;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.deployments.DeploymentTraffic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes desired splits: each change commits together with its history entry, its
 * traffic-change record, the deployments' read model and its audit event, and is pushed
 * to the load balancer right after commit.
 */
@Service
class TrafficService implements TrafficControl {

	private static final int HISTORY_LIMIT = 500;

	private final Bindings bindings;

	private final TrafficLog trafficLog;

	private final DeploymentCatalog deployments;

	private final DeploymentTraffic deploymentTraffic;

	private final BindingService bindingService;

	private final BindingWorker worker;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	TrafficService(Bindings bindings, TrafficLog trafficLog, DeploymentCatalog deployments,
			DeploymentTraffic deploymentTraffic, BindingService bindingService, BindingWorker worker, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.bindings = bindings;
		this.trafficLog = trafficLog;
		this.deployments = deployments;
		this.deploymentTraffic = deploymentTraffic;
		this.bindingService = bindingService;
		this.worker = worker;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	@Transactional
	public void shift(String application, String environment, Split split, String reason) {
		change(application, environment, split, reason, TrafficChange.Kind.SHIFT);
	}

	/** A manual split by version, e.g. {@code {"1.4.2": 90, "1.5.0": 10}}. */
	@Transactional
	UUID shiftByVersion(String application, String environment, Map<String, Integer> percentByVersion, String reason) {
		Map<UUID, Integer> byId = new LinkedHashMap<>();
		percentByVersion.forEach((version, percent) -> {
			DeploymentSummary deployment = deployments.find(application, environment, version)
				.orElseThrow(() -> new org.releasegate.common.UnprocessableException("split",
						"no deployment of version " + version + " of " + application + " in " + environment));
			if (!deployment.isRunning()) {
				throw new org.releasegate.common.UnprocessableException("split",
						"version " + version + " is retired and cannot receive traffic");
			}
			byId.put(deployment.id(), percent);
		});
		Split split;
		try {
			split = new Split(byId);
		}
		catch (IllegalArgumentException ex) {
			throw new org.releasegate.common.UnprocessableException("split", ex.getMessage());
		}
		return change(application, environment, split, reason, TrafficChange.Kind.SHIFT).id();
	}

	@Override
	public RolledBack rollback(String application, String environment, String reason) {
		return rollbackReported(application, environment, reason).rolledBack();
	}

	/**
	 * Rolls back and answers with the traffic change as the load balancer left it. Every
	 * database round trip counts here (the budget is p99 under 50 ms from the call to the
	 * load balancer serving the new weights): the binding is locked and read once, the
	 * decision is one statement, and the answer is built from what is already known.
	 */
	Rollback rollbackReported(String application, String environment, String reason) {
		boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
		Rollback requested = transaction.execute(status -> {
			Binding binding = lockBinding(application, environment);
			Optional<UUID> current = binding.desired() == null ? Optional.empty() : binding.desired().holder();
			List<DeploymentSummary> running = deployments.running(application, environment);
			DeploymentSummary target = trafficLog.holdersNewestFirst(application, environment)
				.stream()
				.filter(holder -> current.map(id -> !id.equals(holder)).orElse(true))
				.flatMap(holder -> running.stream().filter(deployment -> deployment.id().equals(holder)))
				.findFirst()
				.orElseThrow(() -> new ConflictException("nothing to roll back to: no running deployment of "
						+ application + " in " + environment + " held 100% of the traffic before"));
			TrafficChange change = change(binding, running, Split.all(target.id()), reason,
					TrafficChange.Kind.ROLLBACK);
			events.publishEvent(new TrafficRolledBack(application, environment, target.id(), target.version(),
					Actor.current().name(), reason));
			return new Rollback(new RolledBack(target.id(), target.version(), change.id(), false, "pending"), change,
					target);
		});
		if (!ownTransaction) {
			return requested;
		}
		TrafficChange change = trafficLog.find(requested.change().id()).orElseThrow();
		boolean confirmed = change.status() == TrafficChange.Status.APPLIED;
		RolledBack rolledBack = requested.rolledBack();
		return new Rollback(
				new RolledBack(rolledBack.deployment(), rolledBack.version(), rolledBack.change(), confirmed,
						confirmed ? "the load balancer confirmed" : "pending: " + change.lastError()),
				change, requested.target());
	}

	private TrafficChange change(String application, String environment, Split split, String reason,
			TrafficChange.Kind kind) {
		return change(lockBinding(application, environment), deployments.running(application, environment), split,
				reason, kind);
	}

	/**
	 * Changes the desired split of a binding this transaction holds locked, with the
	 * deployments running behind it.
	 */
	private TrafficChange change(Binding binding, List<DeploymentSummary> running, Split split, String reason,
			TrafficChange.Kind kind) {
		String application = binding.application();
		String environment = binding.environment();
		for (UUID id : split.percentByDeployment().keySet()) {
			if (split.percentOf(id) > 0 && running.stream().noneMatch(deployment -> deployment.id().equals(id))) {
				throw new IllegalStateException("deployment " + id + " does not run in " + environment);
			}
		}
		Instant now = clock.instant();
		TrafficChange change = new TrafficChange(UUID.randomUUID(), application, environment, kind, split,
				MemberMapping.members(split, running).percentByMember(), binding.adapter(), reason,
				TrafficChange.Status.PENDING, 0, now, null, null, null);
		trafficLog.decide(change, Actor.current().name());
		deploymentTraffic.holdTraffic(application, environment, split.percentByDeployment());
		String action = kind == TrafficChange.Kind.ROLLBACK ? "traffic.rolled-back" : "traffic.shifted";
		audit.record(AuditEntry.of(action, "traffic", application + "/" + environment)
			.in(application, environment)
			.before(binding.desired() == null ? null : Map.of("split", byVersion(binding.desired(), running)))
			.after(Map.of("split", byVersion(split, running), "reason", reason == null ? "" : reason, "change",
					change.id())));
		if (kind != TrafficChange.Kind.ROLLBACK) {
			events.publishEvent(new TrafficShifted(application, environment, binding.desired(), split, reason));
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				worker.push(application, environment);
			}
		});
		return change;
	}

	/**
	 * Locks the binding, waiting for an instance pushing it (at most the adapter's
	 * timeouts).
	 */
	private Binding lockBinding(String application, String environment) {
		return bindings.lock(application, environment)
			.orElseThrow(() -> new NotFoundException("no router binding for " + application + " in " + environment
					+ "; save one with PUT .../binding first"));
	}

	@Transactional(readOnly = true)
	TrafficView view(String application, String environment) {
		Binding binding = requireBinding(application, environment);
		List<DeploymentSummary> running = deployments.running(application, environment);
		Map<String, Double> observed = null;
		Map<String, Double> unmatched = null;
		if (binding.observed() != null) {
			MemberMapping.Observed mapped = MemberMapping
				.observed(new org.releasegate.traffic.adapter.MemberShares(binding.observed()), running);
			observed = new LinkedHashMap<>();
			for (Map.Entry<DeploymentSummary, Double> share : mapped.byDeployment().entrySet()) {
				observed.put(share.getKey().version(), Math.round(share.getValue() * 10) / 10.0);
			}
			unmatched = mapped.unmatched();
		}
		TrafficView.Change pending = trafficLog.pending(application, environment).map(this::view).orElse(null);
		List<TrafficView.DriftView> drift = trafficLog.drift(application, environment, 10)
			.stream()
			.map(TrafficView.DriftView::of)
			.toList();
		return new TrafficView(application, environment, binding.adapter(), binding.driftPolicy(),
				binding.desired() == null ? Map.of() : byVersion(binding.desired()), observed, unmatched,
				Boolean.TRUE.equals(binding.inSync()) && pending == null, binding.observedAt(), binding.lastAppliedAt(),
				binding.lastError(), pending, drift);
	}

	TrafficView.Change view(TrafficChange change) {
		return view(change, List.of());
	}

	/** The change as shown, looking up deployments not among the ones given. */
	TrafficView.Change view(TrafficChange change, List<DeploymentSummary> known) {
		return new TrafficView.Change(change.id(), change.kind().name(), byVersion(change.split(), known),
				change.reason(), change.status().name(), change.attempts(), change.requestedAt(), change.appliedAt(),
				change.lastError());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<DeploymentSummary> stableDeployment(String application, String environment) {
		List<DeploymentSummary> running = deployments.running(application, environment);
		Optional<UUID> current = desiredSplit(application, environment).flatMap(Split::holder);
		return StableRule.stable(running, current, () -> trafficLog.holdersNewestFirst(application, environment));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Split> desiredSplit(String application, String environment) {
		return bindings.find(application, environment).map(Binding::desired);
	}

	@Override
	public BindingCheck bindingCheck(String application, String environment) {
		return bindingService.check(application, environment);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<BindingState> bindingState(String application, String environment) {
		return bindings.find(application, environment)
			.map(binding -> new BindingState(binding.adapter(), Boolean.TRUE.equals(binding.inSync()),
					trafficLog.pending(application, environment).isPresent(), binding.observedAt(),
					binding.lastAppliedAt(), binding.lastError(),
					trafficLog.driftSince(application, environment).orElse(null)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<SplitChange> splitHistory(String application, String environment, Instant from, Instant to) {
		return trafficLog.history(application, environment, from, to, HISTORY_LIMIT);
	}

	private Binding requireBinding(String application, String environment) {
		return bindings.find(application, environment)
			.orElseThrow(() -> new NotFoundException("no router binding for " + application + " in " + environment
					+ "; save one with PUT .../binding first"));
	}

	private Map<String, Integer> byVersion(Split split) {
		return byVersion(split, List.of());
	}

	/** The split by version, looking up deployments not among the ones given. */
	private Map<String, Integer> byVersion(Split split, List<DeploymentSummary> known) {
		Map<String, Integer> versions = new LinkedHashMap<>();
		split.percentByDeployment().forEach((id, percent) -> {
			String version = known.stream()
				.filter(deployment -> deployment.id().equals(id))
				.map(DeploymentSummary::version)
				.findFirst()
				.orElseGet(() -> deployments.find(id).map(DeploymentSummary::version).orElse(id.toString()));
			versions.put(version, percent);
		});
		return versions;
	}

	/**
	 * A rollback with the traffic change behind it and the deployment it went back to.
	 */
	record Rollback(RolledBack rolledBack, TrafficChange change, DeploymentSummary target) {
	}

}
