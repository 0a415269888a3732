package org.releasegate.traffic.adapter;

/** The load balancer could not be reached, could not be read, or refused a change. */
public class LoadBalancerException extends RuntimeException {

	public LoadBalancerException(String message) {
		super(message);
	}

	public LoadBalancerException(String message, Throwable cause) {
		super(message, cause);
	}

}
