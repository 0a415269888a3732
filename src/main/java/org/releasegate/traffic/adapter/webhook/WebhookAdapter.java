package org.releasegate.traffic.adapter.webhook;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.releasegate.egress.Egress;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * For any load balancer ReleaseGate has no adapter for: the desired split is POSTed as
 * JSON to a URL, and read back from it with GET. Both are signed with the binding's
 * secret (HMAC-SHA256): the POST over its body, which carries a timestamp against
 * replays; the GET over the timestamp header, so the receiver can tell who asks.
 */
@Component
class WebhookAdapter implements LoadBalancerAdapter {

	private static final int MAX_ERROR_TEXT = 300;

	private final Egress egress;

	private final JsonMapper json;

	private final Clock clock;

	WebhookAdapter(JsonMapper json, Clock clock, Egress egress) {
		this.egress = egress;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String type() {
		return "webhook";
	}

	@Override
	public void validate(BindingSettings settings) {
		WebhookSettings.of(settings);
	}

	@Override
	public java.util.Set<String> bindingSettings() {
		return java.util.Set.of();
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		WebhookSettings webhook = WebhookSettings.of(settings);
		String timestamp = clock.instant().toString();
		HttpRequest request = HttpRequest.newBuilder(webhook.url())
			.timeout(webhook.timeout())
			.header("Accept", "application/json")
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.HEADER,
					WebhookSignature.of(webhook.secret(), timestamp.getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		String body = send(request);
		try {
			return json.readValue(body, WebhookSplit.class).shares();
		}
		catch (JacksonException ex) {
			throw new LoadBalancerException(
					"the webhook did not answer {\"members\": {...}}: " + ex.getOriginalMessage(),
					"the load balancer's answer could not be read");
		}
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		WebhookSettings webhook = WebhookSettings.of(settings);
		String timestamp = clock.instant().toString();
		byte[] body = json.writeValueAsBytes(WebhookSplit.of(desired, timestamp));
		HttpRequest request = HttpRequest.newBuilder(webhook.url())
			.timeout(webhook.timeout())
			.header("Content-Type", "application/json")
			.header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
			.header(WebhookSignature.HEADER, WebhookSignature.of(webhook.secret(), body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		send(request);
	}

	private String send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = egress.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new LoadBalancerException(request.method() + " "
					+ org.releasegate.egress.Masking.urlCredentials(request.uri().toString()) + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LoadBalancerException("interrupted while calling "
					+ org.releasegate.egress.Masking.urlCredentials(request.uri().toString()), ex);
		}
		if (response.statusCode() / 100 != 2) {
			String text = response.body() == null ? "" : response.body().strip();
			throw new LoadBalancerException(
					request.method() + " " + org.releasegate.egress.Masking.urlCredentials(request.uri().toString())
							+ " answered " + response.statusCode() + (text.isEmpty() ? "" : ": " + abbreviate(text)),
					"the load balancer answered with an error");
		}
		return response.body();
	}

	private static String abbreviate(String text) {
		return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "...";
	}

}
