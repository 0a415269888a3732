package org.releasegate.common;

/** A request body exceeded the size the API accepts: 413. */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limit) {
		super("The request body exceeds " + limit + " bytes.");
	}

}
