package org.releasegate.traffic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Re-reads every binding at a fixed interval and pushes again wherever the load balancer
 * differs from the desired split, or a change is still pending (the service may have died
 * between commit and push, or the load balancer was down).
 */
@Component
class Reconciler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final Bindings bindings;

	private final BindingWorker worker;

	private final TrafficProperties properties;

	private volatile boolean closing;

	Reconciler(Bindings bindings, BindingWorker worker, TrafficProperties properties) {
		this.bindings = bindings;
		this.worker = worker;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::reconcileAll, properties.reconcileInterval());
	}

	/**
	 * One pass over all bindings; a failure on one binding does not stop the others, but
	 * a database that cannot be reached ends the pass (the next one retries).
	 */
	void reconcileAll() {
		for (Bindings.Key key : bindings.keys()) {
			if (closing) {
				return;
			}
			try {
				worker.reconcile(key.application(), key.environment());
			}
			catch (CannotCreateTransactionException | DataAccessResourceFailureException ex) {
				log.warn("Reconciler pass ended, the database is unreachable: {}", ex.toString());
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Reconciling {}/{} failed: {}", key.application(), key.environment(), ex.toString());
			}
		}
	}

	@EventListener(ContextClosedEvent.class)
	void close() {
		closing = true;
	}

}
