package org.releasegate.notifications;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where notifications make HTTP calls: every webhook channel POSTs through
 * here (the place to route through an egress policy). Redirects are not followed.
 */
class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	void post(NotificationProperties.Channel channel, String contentType, byte[] body, Map<String, String> headers)
			throws DeliveryFailed {
		HttpRequest.Builder request = HttpRequest.newBuilder(channel.url())
			.timeout(channel.timeout())
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryFailed("the webhook did not answer within " + channel.timeout().toSeconds() + " seconds",
					ex);
		}
		catch (IOException ex) {
			log.info("Notification webhook {} failed: {}", channel.url().getHost(), ex.toString());
			throw new DeliveryFailed("the webhook could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("the delivery was interrupted by a shutdown", ex);
		}
		if (response.statusCode() / 100 != 2) {
			log.info("Notification webhook {} answered {}: {}", channel.url().getHost(), response.statusCode(),
					abbreviate(response.body()));
			throw new DeliveryFailed("the webhook answered with HTTP status " + response.statusCode());
		}
	}

	private static String abbreviate(String body) {
		return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "...";
	}

}
