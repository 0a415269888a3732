package org.releasegate.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Talks to the load balancer of one binding while holding its row lock, so that of
 * several instances only one works on a binding at a time: pushes pending changes,
 * observes, records drift and corrects it where the binding says so.
 */
@Component
class BindingWorker {

	private static final Logger log = LoggerFactory.getLogger(BindingWorker.class);

	private final Bindings bindings;

	private final TrafficLog trafficLog;

	private final Adapters adapters;

	private final DeploymentCatalog deployments;

	private final ApplicationEventPublisher events;

	private final TrafficProperties properties;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	private final Counter pushErrors;

	private final Timer rollbackLatency;

	BindingWorker(Bindings bindings, TrafficLog trafficLog, Adapters adapters, DeploymentCatalog deployments,
			ApplicationEventPublisher events, TrafficProperties properties, Clock clock,
			PlatformTransactionManager transactions, MeterRegistry meters) {
		this.bindings = bindings;
		this.trafficLog = trafficLog;
		this.adapters = adapters;
		this.deployments = deployments;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.pushErrors = Counter.builder("releasegate.traffic.push.errors")
			.description("Pushes of a split that the load balancer refused or did not confirm")
			.register(meters);
		this.rollbackLatency = Timer.builder("releasegate.traffic.rollback.latency")
			.description("From the decision to roll back to the load balancer confirming the stable split")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(meters);
	}

	/**
	 * The fast path right after a change committed: waits briefly for the binding's lock,
	 * then pushes. Whatever fails here stays pending for the reconciler.
	 */
	void push(String application, String environment) {
		try {
			newTransaction.executeWithoutResult(
					status -> bindings.lock(application, environment, properties.lockWait()).ifPresent(this::work));
		}
		catch (RuntimeException ex) {
			log.warn("Pushing traffic of {}/{} failed; the reconciler retries: {}", application, environment,
					ex.toString());
		}
	}

	/** One reconciler pass over a binding; skipped when another instance works on it. */
	void reconcile(String application, String environment) {
		newTransaction
			.executeWithoutResult(status -> bindings.lockOrSkip(application, environment).ifPresent(this::work));
	}

	private void work(Binding binding) {
		if (binding.desired() == null) {
			observeOnly(binding);
			return;
		}
		Adapters.Connected adapter;
		try {
			adapter = adapters.connect(binding.settings());
		}
		catch (LoadBalancerException ex) {
			unreachable(binding, ex);
			return;
		}
		List<DeploymentSummary> running = deployments.running(binding.application(), binding.environment());
		MemberShares desired = MemberMapping.members(binding.desired(), running);
		Optional<TrafficChange> pending = trafficLog.pending(binding.application(), binding.environment());
		if (pending.isEmpty()) {
			MemberShares observed;
			try {
				observed = adapter.observe();
			}
			catch (LoadBalancerException | IllegalArgumentException ex) {
				unreachable(binding, ex);
				return;
			}
			if (MemberMapping.matches(desired, observed, properties.tolerancePercent())) {
				bindings.observed(binding.application(), binding.environment(), observed.percentByMember(), true, null,
						now());
				trafficLog.inSync(binding.application(), binding.environment(), now());
				return;
			}
			boolean opened = trafficLog.drifted(binding.application(), binding.environment(), desired.percentByMember(),
					observed.percentByMember(), binding.corrects(), now());
			if (opened) {
				log.info("Load balancer of {}/{} drifted from the desired split: {} instead of {}",
						binding.application(), binding.environment(), observed.percentByMember(),
						desired.percentByMember());
				events.publishEvent(new DriftDetected(binding.application(), binding.environment(),
						desired.percentByMember(), observed.percentByMember(), binding.corrects()));
			}
			bindings.observed(binding.application(), binding.environment(), observed.percentByMember(), false, null,
					now());
			if (!binding.corrects()) {
				return;
			}
			TrafficChange correction = new TrafficChange(UUID.randomUUID(), binding.application(),
					binding.environment(), TrafficChange.Kind.CORRECTION, binding.desired(), desired.percentByMember(),
					binding.adapter(), "load balancer drifted", TrafficChange.Status.PENDING, 0, now(), null, null,
					null);
			trafficLog.request(correction);
			pending = Optional.of(correction);
		}
		apply(binding, adapter, desired, pending.get());
	}

	private void apply(Binding binding, Adapters.Connected adapter, MemberShares desired, TrafficChange change) {
		MemberShares observed;
		try {
			adapter.apply(desired);
			observed = adapter.observe();
		}
		catch (LoadBalancerException | IllegalArgumentException ex) {
			pushErrors.increment();
			trafficLog.attempted(change.id(), now(), ex.getMessage());
			rollbackFailed(change);
			unreachable(binding, ex);
			return;
		}
		if (MemberMapping.matches(desired, observed, properties.tolerancePercent())) {
			trafficLog.applied(change, observed.percentByMember(), now());
			if (change.isRollback()) {
				rollbackLatency.record(Duration.between(change.requestedAt(), now()));
			}
		}
		else {
			pushErrors.increment();
			String error = "after the change the load balancer reports " + observed.percentByMember();
			trafficLog.attempted(change.id(), now(), error);
			rollbackFailed(change);
			bindings.observed(binding.application(), binding.environment(), observed.percentByMember(), false, error,
					now());
		}
	}

	/** Tells once, at the first failed attempt, that a rollback did not take. */
	private void rollbackFailed(TrafficChange change) {
		if (change.kind() != TrafficChange.Kind.ROLLBACK || change.attempts() > 0) {
			return;
		}
		UUID target = change.split().holder().orElse(null);
		String version = target == null ? null : deployments.find(target).map(DeploymentSummary::version).orElse(null);
		events.publishEvent(
				new RollbackFailed(change.application(), change.environment(), target, version, change.reason()));
	}

	private void observeOnly(Binding binding) {
		try {
			MemberShares observed = adapters.connect(binding.settings()).observe();
			bindings.observed(binding.application(), binding.environment(), observed.percentByMember(), false, null,
					now());
		}
		catch (LoadBalancerException | IllegalArgumentException ex) {
			unreachable(binding, ex);
		}
	}

	private void unreachable(Binding binding, RuntimeException ex) {
		log.debug("Load balancer of {}/{} unreachable: {}", binding.application(), binding.environment(),
				ex.getMessage());
		bindings.observed(binding.application(), binding.environment(), null, false, ex.getMessage(), now());
		if (binding.lastError() == null) {
			events
				.publishEvent(new LoadBalancerFailing(binding.application(), binding.environment(), binding.adapter()));
		}
	}

	private Instant now() {
		return clock.instant();
	}

}
