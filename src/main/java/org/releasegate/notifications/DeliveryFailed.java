package org.releasegate.notifications;

/**
 * A delivery attempt failed; the message is a sentence of ours that the delivery history
 * shows (the remote answer goes to the server log only).
 */
class DeliveryFailed extends Exception {

	DeliveryFailed(String sentence, Throwable cause) {
		super(sentence, cause);
	}

	DeliveryFailed(String sentence) {
		super(sentence);
	}

}
