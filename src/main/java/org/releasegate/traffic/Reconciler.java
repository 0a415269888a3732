package org.releasegate.traffic;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Re-reads every binding at a fixed interval and pushes again wherever the load balancer
 * differs from the desired split, or a change is still pending (the service may have died
 * between commit and push, or the load balancer was down).
 * <p>
 * Bindings are worked on by a small pool of threads, so a load balancer that answers
 * slowly or times out delays only its own binding, never the others; a binding still
 * being worked on from an earlier pass is left out of the next one.
 */
@Component
class Reconciler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final Bindings bindings;

	private final BindingWorker worker;

	private final TrafficProperties properties;

	private final ExecutorService pool;

	private final Set<Bindings.Key> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean closing;

	Reconciler(Bindings bindings, BindingWorker worker, TrafficProperties properties) {
		this.bindings = bindings;
		this.worker = worker;
		this.properties = properties;
		this.pool = Executors.newFixedThreadPool(properties.reconcileThreads(), threads());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::reconcileAll, properties.reconcileInterval());
	}

	/**
	 * One pass: hands every binding not already being worked on to the pool. A failure on
	 * one binding does not stop the others; a database that cannot be reached ends the
	 * pass (the next one retries).
	 */
	void reconcileAll() {
		try {
			for (Bindings.Key key : bindings.keys()) {
				if (closing) {
					return;
				}
				if (inFlight.add(key)) {
					submit(key);
				}
			}
		}
		catch (CannotCreateTransactionException | DataAccessResourceFailureException ex) {
			log.warn("Reconciler pass ended, the database is unreachable: {}", ex.toString());
		}
	}

	private void submit(Bindings.Key key) {
		try {
			this.pool.execute(() -> {
				try {
					if (!closing) {
						this.worker.reconcile(key.application(), key.environment());
					}
				}
				catch (CannotCreateTransactionException | DataAccessResourceFailureException ex) {
					log.debug("Reconciling {}/{} skipped, the database is unreachable: {}", key.application(),
							key.environment(), ex.toString());
				}
				catch (RuntimeException ex) {
					log.warn("Reconciling {}/{} failed: {}", key.application(), key.environment(), ex.toString());
				}
				finally {
					this.inFlight.remove(key);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.remove(key);
		}
	}

	@EventListener(ContextClosedEvent.class)
	void close() throws InterruptedException {
		this.closing = true;
		this.pool.shutdown();
		if (!this.pool.awaitTermination(10, TimeUnit.SECONDS)) {
			this.pool.shutdownNow();
		}
	}

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "reconciler-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
