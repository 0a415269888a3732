package org.releasegate.traffic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

/**
 * Tiny HTTP servers standing for versions of an application: each answers every request
 * with its version name.
 */
public final class VersionBackends implements AutoCloseable {

	private final List<HttpServer> servers = new ArrayList<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Starts a server answering {@code version}; returns its port. */
	public int start(String version) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		byte[] body = version.getBytes(StandardCharsets.UTF_8);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		servers.add(server);
		return server.getAddress().getPort();
	}

	/** Sends requests through the load balancer and counts which version answered. */
	public Map<String, Integer> count(String url, int requests) throws IOException, InterruptedException {
		Map<String, Integer> answers = new TreeMap<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			answers.merge(response.statusCode() == 200 ? response.body() : "HTTP " + response.statusCode(), 1,
					Integer::sum);
		}
		return answers;
	}

	@Override
	public void close() {
		servers.forEach(server -> server.stop(0));
	}

}
