package org.releasegate.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox after commit, on threads of its own (never the request's, never the
 * shared scheduler's): claims due deliveries in a short transaction, sends them outside
 * any transaction, then marks each sent, or failed with a retry after an exponentially
 * growing wait. With several instances each claims other rows
 * ({@code FOR UPDATE SKIP LOCKED}); a killed instance's claims are taken over when their
 * lease ends.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;

	private final Senders senders;

	private final NotificationProperties properties;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	private final Clock clock;

	private ScheduledExecutorService poller;

	private ExecutorService sending;

	Dispatcher(Outbox outbox, Senders senders, NotificationProperties properties,
			PlatformTransactionManager transactions, MeterRegistry meters, Clock clock) {
		this.outbox = outbox;
		this.senders = senders;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		poller = Executors.newSingleThreadScheduledExecutor(runnable -> thread(runnable, "notifications-poller"));
		sending = Executors.newFixedThreadPool(properties.senders(),
				runnable -> thread(runnable, "notifications-send"));
		long every = properties.pollEvery().toMillis();
		poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		poller.shutdownNow();
		sending.shutdownNow();
		poller = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return poller != null;
	}

	private void pollSafely() {
		try {
			while (deliverDue() == properties.batchSize()) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException ex) {
			log.warn("Delivering notifications failed; trying again shortly: {}", ex.toString());
		}
	}

	/** Claims and sends one batch; returns how many were claimed. */
	int deliverDue() {
		List<Delivery> claimed = transaction
			.execute(status -> outbox.claim(properties.batchSize(), properties.lease(), senders.channels()));
		List<Future<?>> running = new ArrayList<>();
		for (Delivery delivery : claimed) {
			running.add(sending.submit(() -> deliver(delivery)));
		}
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return 0;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				log.warn("A notification delivery failed unexpectedly", ex.getCause());
			}
		}
		return claimed.size();
	}

	private void deliver(Delivery delivery) {
		Sender sender = senders.of(delivery.channel()).orElse(null);
		if (sender == null) {
			give(delivery, "the channel '" + delivery.channel() + "' is no longer configured", false);
			return;
		}
		try {
			sender.send(delivery);
			outbox.sent(delivery.id());
			counter("releasegate.notifications.delivered", delivery).increment();
		}
		catch (DeliveryFailed ex) {
			log.info("Notification {} over {} failed (attempt {}): {}", delivery.id(), delivery.channel(),
					delivery.attempts(), ex.getCause() == null ? ex.getMessage() : ex.getCause().toString());
			give(delivery, ex.getMessage(), delivery.attempts() < properties.attempts());
		}
	}

	private void give(Delivery delivery, String error, boolean retry) {
		counter("releasegate.notifications.failed", delivery).increment();
		outbox.failed(delivery.id(), error,
				retry ? clock.instant().plus(properties.backoff(delivery.attempts())) : null);
		if (!retry) {
			counter("releasegate.notifications.given-up", delivery).increment();
		}
	}

	private Counter counter(String name, Delivery delivery) {
		return Counter.builder(name)
			.description("notification delivery attempts by outcome")
			.tag("channel", delivery.channel())
			.tag("event", delivery.event())
			.register(meters);
	}

	private static Thread thread(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

}
