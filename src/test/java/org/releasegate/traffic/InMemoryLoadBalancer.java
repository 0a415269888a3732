package org.releasegate.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.springframework.boot.test.context.TestComponent;

/**
 * A load balancer in memory (adapter type {@code memory}, setting {@code name}), for fast
 * tests of bindings and the reconciler: tests create it, change it "by hand", take it
 * down and bring it back. State is static so that several application contexts in one JVM
 * share the same load balancers, as instances share a real one; it also notices when two
 * callers work on one load balancer at the same time.
 */
@TestComponent
public class InMemoryLoadBalancer implements LoadBalancerAdapter {

	private static final Map<String, Balancer> BALANCERS = new ConcurrentHashMap<>();

	/** Creates a load balancer with the given weight per member. */
	public static void create(String name, Map<String, Double> weights) {
		BALANCERS.put(name, new Balancer(new LinkedHashMap<>(weights)));
	}

	public static Balancer get(String name) {
		return BALANCERS.get(name);
	}

	@Override
	public String type() {
		return "memory";
	}

	@Override
	public java.util.Set<String> bindingSettings() {
		return java.util.Set.of("name");
	}

	@Override
	public void validate(BindingSettings settings) {
		settings.require("name");
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		Balancer balancer = balancer(settings);
		return balancer.call(this, () -> MemberShares.fromWeights(balancer.weights));
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		Balancer balancer = balancer(settings);
		balancer.call(this, () -> {
			balancer.weights.putAll(desired.percentByMember());
			balancer.applies.incrementAndGet();
			return null;
		});
	}

	private static Balancer balancer(BindingSettings settings) {
		Balancer balancer = BALANCERS.get(settings.require("name"));
		if (balancer == null) {
			throw new LoadBalancerException("no load balancer named " + settings.require("name"));
		}
		return balancer;
	}

	/** One in-memory load balancer. */
	public static final class Balancer {

		final Map<String, Double> weights;

		final AtomicInteger applies = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger overlaps = new AtomicInteger();

		final java.util.Set<Integer> callers = ConcurrentHashMap.newKeySet();

		volatile boolean down;

		volatile long delayMillis;

		Balancer(Map<String, Double> weights) {
			this.weights = new ConcurrentHashMap<>(weights);
		}

		public synchronized void setByHand(String member, double weight) {
			weights.put(member, weight);
		}

		public Map<String, Double> shares() {
			return MemberShares.fromWeights(weights).percentByMember();
		}

		public void down(boolean down) {
			this.down = down;
		}

		public int applies() {
			return applies.get();
		}

		public int calls() {
			return calls.get();
		}

		/** The adapter instances (one per application context) that called. */
		public java.util.Set<Integer> callers() {
			return java.util.Set.copyOf(callers);
		}

		public int overlaps() {
			return overlaps.get();
		}

		public void delay(long millis) {
			this.delayMillis = millis;
		}

		private <T> T call(Object caller, java.util.function.Supplier<T> action) {
			callers.add(System.identityHashCode(caller));
			if (inFlight.incrementAndGet() > 1) {
				overlaps.incrementAndGet();
			}
			try {
				calls.incrementAndGet();
				if (delayMillis > 0) {
					Thread.sleep(delayMillis);
				}
				if (down) {
					throw new LoadBalancerException("in-memory load balancer is down");
				}
				return action.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LoadBalancerException("interrupted");
			}
			finally {
				inFlight.decrementAndGet();
			}
		}

	}

}
