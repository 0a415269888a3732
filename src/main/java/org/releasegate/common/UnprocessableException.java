package org.releasegate.common;

/**
 * The request is well-formed but names something that does not exist or cannot be used
 * (an unknown application in a body): 422, with the offending field named.
 */
public class UnprocessableException extends RuntimeException {

	private final String field;

	public UnprocessableException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
