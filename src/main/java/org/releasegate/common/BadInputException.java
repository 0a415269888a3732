package org.releasegate.common;

/** A request field has a value that is not allowed: 400, with the field named. */
public class BadInputException extends RuntimeException {

	private final String field;

	public BadInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
