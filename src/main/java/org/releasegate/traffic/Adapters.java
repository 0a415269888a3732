package org.releasegate.traffic;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.releasegate.common.BadInputException;
import org.releasegate.egress.EgressRefused;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.springframework.stereotype.Component;

/**
 * Every load balancer adapter in the application context, and the operator's connections
 * (checked at start-up). A binding names a connection and adds identifiers; the adapter
 * sees both merged. Calls run on a bounded pool with a timeout (a bulkhead), and their
 * failures reach users only as fixed sentences; the details go to the server log.
 */
@Component
class Adapters {

	/** The setting of a stored binding that names its connection. */
	static final String CONNECTION = "connection";

	static final String NEEDS_CONNECTION = "this binding needs a connection: save it again naming one of the "
			+ "connections the operator configured";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}");

	private static final Logger log = LoggerFactory.getLogger(Adapters.class);

	private final Map<String, LoadBalancerAdapter> byType;

	private final Map<String, TrafficProperties.Connection> connections;

	private final TrafficProperties properties;

	private final ThreadPoolExecutor calls;

	Adapters(List<LoadBalancerAdapter> adapters, TrafficProperties properties) {
		this.byType = adapters.stream()
			.collect(Collectors.toMap(LoadBalancerAdapter::type, Function.identity(), (a, b) -> {
				throw new IllegalStateException("two load balancer adapters of type " + a.type());
			}, TreeMap::new));
		this.properties = properties;
		this.connections = new TreeMap<>(properties.connections());
		this.connections.forEach(this::checkConnection);
		AtomicInteger count = new AtomicInteger();
		this.calls = new ThreadPoolExecutor(properties.callThreads(), properties.callThreads(), 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.callThreads() * 4), runnable -> {
					Thread thread = new Thread(runnable, "load-balancer-call-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.calls.allowCoreThreadTimeOut(true);
	}

	private void checkConnection(String name, TrafficProperties.Connection connection) {
		String prefix = "releasegate.traffic.connections." + name + ": ";
		LoadBalancerAdapter adapter = byType.get(connection.adapter());
		if (adapter == null) {
			throw new IllegalStateException(prefix + "no load balancer adapter '" + connection.adapter() + "'; known: "
					+ String.join(", ", byType.keySet()));
		}
		for (String key : connection.settings().keySet()) {
			if (adapter.bindingSettings().contains(key) || key.equals(CONNECTION)
					|| key.equals("connectionDirectory")) {
				throw new IllegalStateException(prefix + "'" + key + "' belongs to the binding, not the connection");
			}
		}
		try {
			adapter.checkConnection(connection.directory(), new BindingSettings(merged(connection, Map.of())));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(prefix + ex.getMessage());
		}
	}

	/** The names of the configured connections, for messages and pages. */
	Set<String> connectionNames() {
		return connections.keySet();
	}

	/**
	 * What a binding stores: the connection's name and the identifiers it adds, each
	 * checked (400 naming the field).
	 */
	BindingSettings bindingSettings(String connectionName, Map<String, String> values) {
		TrafficProperties.Connection connection = connection(connectionName);
		LoadBalancerAdapter adapter = byType.get(connection.adapter());
		Map<String, String> stored = new LinkedHashMap<>();
		stored.put(CONNECTION, connectionName);
		for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
			String field = "settings." + entry.getKey();
			if (!adapter.bindingSettings().contains(entry.getKey())) {
				throw new BadInputException(field,
						adapter.bindingSettings().isEmpty()
								? "a " + adapter.type() + " binding takes no settings: the connection holds them"
								: "a " + adapter.type() + " binding takes only "
										+ String.join(", ", adapter.bindingSettings().stream().sorted().toList()));
			}
			String value = entry.getValue();
			if (value == null || !IDENTIFIER.matcher(value).matches()) {
				throw new BadInputException(field,
						"must be 1 to 253 letters, digits, '_', '.', ':' or '-', starting with a letter or digit");
			}
			stored.put(entry.getKey(), value);
		}
		return new BindingSettings(stored);
	}

	/** The adapter type of a configured connection. */
	String adapterOf(String connectionName) {
		return connection(connectionName).adapter();
	}

	private TrafficProperties.Connection connection(String name) {
		TrafficProperties.Connection connection = name == null ? null : connections.get(name);
		if (connection == null) {
			throw new BadInputException("connection",
					connections.isEmpty()
							? "no load-balancer connection is configured (releasegate.traffic.connections)"
							: "must be one of the configured connections: " + String.join(", ", connections.keySet()));
		}
		return connection;
	}

	/**
	 * The load balancer a stored binding reaches.
	 * @throws LoadBalancerException when the binding names no configured connection (a
	 * binding saved before connections existed)
	 */
	Connected connect(BindingSettings stored) {
		TrafficProperties.Connection connection = connections.get(stored.get(CONNECTION, ""));
		if (connection == null) {
			throw new LoadBalancerException("binding names connection '" + stored.get(CONNECTION, "") + "'",
					NEEDS_CONNECTION);
		}
		LoadBalancerAdapter adapter = byType.get(connection.adapter());
		Map<String, String> identifiers = new LinkedHashMap<>(stored.values());
		identifiers.keySet().retainAll(adapter.bindingSettings());
		return new Connected(adapter, new BindingSettings(merged(connection, identifiers)));
	}

	private static Map<String, String> merged(TrafficProperties.Connection connection,
			Map<String, String> identifiers) {
		Map<String, String> merged = new LinkedHashMap<>(connection.settings());
		if (connection.directory() != null) {
			merged.put("connectionDirectory", connection.directory().toString());
		}
		merged.putAll(identifiers);
		return merged;
	}

	@PreDestroy
	void close() {
		calls.shutdownNow();
	}

	/** A load balancer as a binding reaches it: adapter and merged settings. */
	final class Connected {

		private final LoadBalancerAdapter adapter;

		private final BindingSettings settings;

		Connected(LoadBalancerAdapter adapter, BindingSettings settings) {
			this.adapter = adapter;
			this.settings = settings;
		}

		void validate() {
			call(() -> {
				adapter.validate(settings);
				return null;
			});
		}

		MemberShares observe() {
			return call(() -> adapter.observe(settings));
		}

		void apply(MemberShares desired) {
			call(() -> {
				adapter.apply(settings, desired);
				return null;
			});
		}

		private <T> T call(Callable<T> work) {
			Future<T> future;
			try {
				future = calls.submit(work);
			}
			catch (RejectedExecutionException ex) {
				throw failed(adapter.type() + " call rejected: every load-balancer call thread is busy",
						"the load balancer did not answer in time", ex);
			}
			try {
				return future.get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				throw failed(adapter.type() + " call took longer than " + properties.callTimeout(),
						"the load balancer did not answer in time", ex);
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				Thread.currentThread().interrupt();
				throw failed("interrupted", "the load balancer did not answer in time", ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				throw failed(String.valueOf(cause), sentence(cause), cause);
			}
		}

	}

	private static LoadBalancerException failed(String detail, String sentence, Throwable cause) {
		log.info("Load balancer call failed ({}): {}", sentence, detail, log.isDebugEnabled() ? cause : null);
		return new LoadBalancerException(sentence, sentence);
	}

	/** The fixed sentence users read for a failure. */
	static String sentence(Throwable failure) {
		if (failure instanceof LoadBalancerException lb && lb.sentence() != null) {
			return lb.sentence();
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EgressRefused refused) {
				return "the load balancer's address is not allowed by the egress policy";
			}
			if (cause instanceof ConnectException) {
				return "the load balancer refused the connection";
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "the load balancer did not answer in time";
			}
		}
		if (failure instanceof IllegalArgumentException) {
			return "the binding's settings do not fit its connection";
		}
		return "the load balancer could not be reached";
	}

}
