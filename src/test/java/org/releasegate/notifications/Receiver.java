package org.releasegate.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhooks: keeps every request it accepted; while "down" it
 * answers 503 and keeps nothing.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				if (down) {
					exchange.sendResponseHeaders(503, -1);
					return;
				}
				received.add(new Received(exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Content-Type"),
						exchange.getRequestHeaders().getFirst("X-ReleaseGate-Signature"), body));
				exchange.sendResponseHeaders(200, -1);
			}
			finally {
				exchange.close();
			}
		});
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	void down(boolean down) {
		this.down = down;
	}

	List<Received> at(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	record Received(String path, String contentType, String signature, byte[] body) {

		String text() {
			return new String(body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
