package org.releasegate.traffic.adapter;

/**
 * The load balancer could not be reached, could not be read, or refused a change. The
 * message holds the details, for the server log only; {@link #sentence()} is what users
 * may read: a fixed sentence, never remote content or process output.
 */
public class LoadBalancerException extends RuntimeException {

	private final String sentence;

	public LoadBalancerException(String message) {
		this(message, (String) null);
	}

	public LoadBalancerException(String message, String sentence) {
		super(message);
		this.sentence = sentence;
	}

	public LoadBalancerException(String message, Throwable cause) {
		super(message, cause);
		this.sentence = null;
	}

	/** The fixed sentence the adapter chose, or null to let the caller choose one. */
	public String sentence() {
		return sentence;
	}

}
