package org.releasegate.common;

/** The request contradicts the current state (duplicate, forbidden transition): 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
