package org.releasegate.traffic.adapter.pull;

import java.time.Clock;
import java.util.regex.Pattern;

import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * For load balancers that poll (Traefik's HTTP provider): applying stores the split under
 * the binding's key, and {@link PullController} serves it. The load balancer is as up to
 * date as its poll interval; what ReleaseGate observes is what it serves.
 */
@Component
class PullAdapter implements LoadBalancerAdapter {

	static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

	private final PullSplits splits;

	private final Clock clock;

	PullAdapter(PullSplits splits, Clock clock) {
		this.splits = splits;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "pull";
	}

	@Override
	public java.util.Set<String> bindingSettings() {
		return java.util.Set.of("key");
	}

	@Override
	public void validate(BindingSettings settings) {
		key(settings);
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		try {
			return MemberShares.fromWeights(splits.find(key(settings)));
		}
		catch (DataAccessException ex) {
			throw new LoadBalancerException("cannot read the stored split: " + ex.getMostSpecificCause().getMessage(),
					ex);
		}
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		try {
			splits.save(key(settings), desired, clock.instant());
		}
		catch (DataAccessException ex) {
			throw new LoadBalancerException("cannot store the split: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

	static String key(BindingSettings settings) {
		String key = settings.require("key");
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(
					"setting 'key' must be 1..200 letters, digits, '_', '.' or '-' (it is part of a URL)");
		}
		return key;
	}

}
