package org.releasegate.egress;

/**
 * The egress policy does not allow the target. The message is a fixed sentence, safe to
 * show; {@link #detail()} names the host and address for the server log.
 */
public class EgressRefused extends RuntimeException {

	private final String detail;

	EgressRefused(String detail) {
		super("the egress policy does not allow this address");
		this.detail = detail;
	}

	public String detail() {
		return detail;
	}

}
