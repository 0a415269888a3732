package org.releasegate.notifications;

import java.time.Instant;

/**
 * A delivery as the release page and the API show it: what, over which channel, to whom,
 * and how it went ({@code error} is a sentence of ours, never the remote answer).
 */
record DeliveryRecord(String event, String channel, String recipient, String title, Status status, int attempts,
		Instant occurredAt, Instant sentAt, String error) {

	enum Status {

		PENDING, SENT, FAILED

	}

	/** How it went, in words. */
	String outcome() {
		return switch (status) {
			case SENT -> "sent";
			case FAILED -> "failed after " + attempts + (attempts == 1 ? " attempt" : " attempts");
			case PENDING -> attempts == 0 ? "waiting to be sent" : "retrying (" + attempts + " attempts so far)";
		};
	}

}
