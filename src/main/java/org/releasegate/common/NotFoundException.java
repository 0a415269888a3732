package org.releasegate.common;

/** A requested thing does not exist: 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
