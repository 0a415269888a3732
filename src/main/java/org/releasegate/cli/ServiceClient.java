package org.releasegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the ReleaseGate REST API with a bearer token and turns every failure into a
 * {@link Failure}: the problem detail's title, detail and refused fields, or why the
 * service could not be reached.
 */
final class ServiceClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final String base;

	private final String token;

	ServiceClient(String base, String token) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	String base() {
		return base;
	}

	/** An answer: its status, its body as sent (for {@code -o json}) and parsed. */
	record Reply(int status, String body, JsonNode json) {
	}

	Reply get(String path) {
		return send(request(path).GET());
	}

	Reply post(String path, Object body) {
		return send(request(path).POST(bodyOf(body)).header("Content-Type", "application/json"));
	}

	Reply put(String path, Object body) {
		return send(request(path).PUT(bodyOf(body)).header("Content-Type", "application/json"));
	}

	/** A streamed answer (audit exports), checked for an error status first. */
	InputStream stream(String path) {
		HttpResponse<InputStream> response = exchange(request(path).GET().timeout(Duration.ofHours(1)),
				HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() >= 400) {
			try (InputStream body = response.body()) {
				throw problem(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw unreachable(ex);
			}
		}
		return response.body();
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create(base + path));
		}
		catch (IllegalArgumentException ex) {
			throw new Failure(Failure.USAGE, "the service address " + base + " is not a valid URL");
		}
		builder.timeout(TIMEOUT).header("Accept", "application/json, application/problem+json");
		if (token != null && !token.isBlank()) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder request) {
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 400) {
			throw problem(response.statusCode(), response.body());
		}
		String body = response.body();
		return new Reply(response.statusCode(), body, parse(body));
	}

	private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request.build(), handler);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure(Failure.UNAVAILABLE, "interrupted while waiting for " + base);
		}
		catch (IOException ex) {
			throw unreachable(ex);
		}
	}

	private Failure unreachable(IOException ex) {
		String why = ex instanceof HttpConnectTimeoutException ? "the connection timed out"
				: ex instanceof HttpTimeoutException ? "it did not answer in time"
						: ex instanceof ConnectException ? "nothing answers there" : "the connection failed";
		return new Failure(Failure.UNAVAILABLE, "cannot reach the service at " + base + ": " + why);
	}

	/** The problem detail's title and detail, and one line per refused field. */
	static Failure problem(int status, String body) {
		JsonNode problem = parse(body);
		String title = problem.path("title").asString("");
		if (title.isBlank()) {
			title = switch (status) {
				case 401 -> "Not signed in (run trafficctl login, or set TRAFFICCTL_TOKEN)";
				case 403 -> "Forbidden";
				case 404 -> "Not found";
				default -> status >= 500 ? "The service failed" : "Refused";
			};
		}
		else if (status == 401) {
			title = title + " (run trafficctl login, or set TRAFFICCTL_TOKEN)";
		}
		String detail = problem.path("detail").asString("");
		List<String> lines = new ArrayList<>();
		if (!detail.isBlank() && !detail.equals(title)) {
			lines.add(detail);
		}
		for (JsonNode error : problem.path("errors").values()) {
			lines.add(error.path("field").asString("") + ": " + error.path("message").asString(""));
		}
		return new Failure(Failure.exitCodeOf(status), title, lines);
	}

	static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return JSON.missingNode();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return JSON.missingNode();
		}
	}

	private static HttpRequest.BodyPublisher bodyOf(Object body) {
		return HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body));
	}

	/** A path segment, e.g. an application name, encoded. */
	static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A query string of the pairs whose value is given, e.g. {@code ?application=a}. */
	static String query(Object... pairs) {
		StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
		for (int i = 0; i < pairs.length; i += 2) {
			Object value = pairs[i + 1];
			if (value != null && !String.valueOf(value).isBlank()) {
				joined.add(pairs[i] + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
			}
		}
		return joined.toString();
	}

}
