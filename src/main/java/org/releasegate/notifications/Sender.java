package org.releasegate.notifications;

/** Sends a delivery over one kind of channel. */
interface Sender {

	void send(Delivery delivery) throws DeliveryFailed;

}
