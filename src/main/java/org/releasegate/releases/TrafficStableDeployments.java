package org.releasegate.releases;

import java.time.Clock;
import java.time.Duration;

import java.util.Optional;

import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.traffic.TrafficControl;
import org.springframework.stereotype.Component;

/** The stable deployment and the binding check as the traffic module knows them. */
@Component
class TrafficStableDeployments implements StableDeployments {

	private final TrafficControl traffic;

	private final ReleaseProperties properties;

	private final Clock clock;

	TrafficStableDeployments(TrafficControl traffic, ReleaseProperties properties, Clock clock) {
		this.traffic = traffic;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Optional<DeploymentSummary> stable(String application, String environment) {
		return traffic.stableDeployment(application, environment);
	}

	/**
	 * From the binding as the reconciler last recorded it: the load balancer is not
	 * called, and what it last said in an error is not repeated here.
	 */
	@Override
	public BindingCheck binding(String application, String environment) {
		Optional<TrafficControl.BindingState> recorded = traffic.bindingState(application, environment);
		if (recorded.isEmpty()) {
			return BindingCheck.notConfigured();
		}
		TrafficControl.BindingState state = recorded.get();
		if (state.lastError() != null) {
			return new BindingCheck(BindingCheck.State.FAILS,
					"router binding: the load balancer could not be read when last tried (see the traffic page)");
		}
		if (state.observedAt() == null) {
			return new BindingCheck(BindingCheck.State.STALE,
					"router binding: the load balancer has not been read yet; the reconciler reads it shortly");
		}
		Duration age = Duration.between(state.observedAt(), clock.instant());
		String read = "load balancer last read " + PrometheusMetricsCheck.Ages.ago(age);
		if (age.compareTo(properties.readingsFreshFor()) > 0) {
			return new BindingCheck(BindingCheck.State.STALE, "router binding: " + read);
		}
		return new BindingCheck(BindingCheck.State.WORKS, "router binding: " + read
				+ (state.driftSince() != null ? ", differing from the desired split" : ", as desired"));
	}

}
