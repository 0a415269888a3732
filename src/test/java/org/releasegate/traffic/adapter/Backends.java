package org.releasegate.traffic.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

/**
 * Tiny HTTP servers standing for deployed versions, each answering with its version, and
 * a counter of which version answers requests sent through a load balancer.
 */
public final class Backends implements AutoCloseable {

	private final Map<String, HttpServer> servers = new TreeMap<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Starts a server answering {@code version}; returns its {@code 127.0.0.1:port}. */
	public String start(String version) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = version.getBytes(StandardCharsets.UTF_8);
			server.createContext("/", exchange -> {
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			servers.put(version, server);
			return "127.0.0.1:" + server.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends {@code requests} GETs to the URL and counts the answers by body. */
	public Map<String, Integer> count(String url, int requests) throws Exception {
		Map<String, Integer> answers = new TreeMap<>();
		for (int i = 0; i < requests; i++) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			String answer = response.statusCode() == 200 ? response.body() : "status " + response.statusCode();
			answers.merge(answer, 1, Integer::sum);
		}
		return answers;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		servers.values().forEach(server -> server.stop(0));
	}

}
