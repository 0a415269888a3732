package org.releasegate.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.ServiceProcess;
import org.releasegate.TestDatabase;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service with a webhook load balancer that starts answering after 25 s, and
 * a database reached through a proxy the test can cut. The slow target holds up only its
 * own binding: deployments are recorded and read meanwhile. With the database away,
 * readiness is DOWN and API requests answer 503 with Retry-After at once.
 */
class OutageAttackIT {

	@Test
	void aSlowTargetHoldsUpOnlyItsBindingAndADatabaseOutageAnswers503() throws Exception {
		ServiceProcess.assumePackaged();
		AtomicBoolean slow = new AtomicBoolean();
		HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		webhook.setExecutor(Executors.newCachedThreadPool());
		webhook.createContext("/", exchange -> {
			if (slow.get()) {
				sleep(25_000);
			}
			byte[] body = "{\"members\":{\"blue\":100,\"green\":0}}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		webhook.start();
		int port = ServiceProcess.freePort();
		try (TestDatabase.Extra database = TestDatabase.extra(); Proxy proxy = Proxy.to(database.url())) {
			String url = database.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
			try (ServiceProcess service = ServiceProcess.start(url, database.user(), database.password(), port,
					"--releasegate.traffic.connections.slow.adapter=webhook",
					"--releasegate.traffic.connections.slow.settings.url=http://127.0.0.1:"
							+ webhook.getAddress().getPort() + "/split",
					"--releasegate.traffic.connections.slow.settings.secret=0123456789abcdef0123",
					"--releasegate.traffic.connections.slow.settings.timeoutMillis=30000",
					"--releasegate.traffic.call-timeout=3s")) {
				Api api = Api.at(port);
				String app = api.application();
				api.deployment(app, "production", "1.0", "blue");
				api.deployment(app, "production", "2.0", "green");
				Api.Person manager = api.person("RELEASE_MANAGER");
				manager.client()
					.put()
					.uri("/api/v1/applications/{app}/environments/production/binding", app)
					.contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("connection", "slow"))
					.exchange()
					.expectStatus()
					.isCreated();
				slow.set(true);
				Api.Person auditor = api.person("AUDITOR");
				Api.Person engineer = api.person("ENGINEER");
				// the split is pushed to the slow webhook, by the request and by the
				// reconciler
				ExecutorService clients = Executors.newFixedThreadPool(16);
				List<Future<Integer>> calls = new ArrayList<>();
				calls.add(clients.submit(() -> status(manager.token(), "PUT",
						"/api/v1/applications/" + app + "/environments/production/traffic", port,
						"{\"split\":{\"1.0\":50,\"2.0\":50},\"reason\":\"test\"}")));
				long started = System.nanoTime();
				for (int i = 0; i < 12; i++) {
					calls.add(clients.submit(() -> status(auditor.token(), "GET",
							"/api/v1/applications/" + app + "/environments/production/traffic", port, null)));
				}
				List<Long> recordMillis = new CopyOnWriteArrayList<>();
				for (int i = 0; i < 20; i++) {
					String version = "3." + i;
					calls.add(clients.submit(() -> {
						long start = System.nanoTime();
						int status = status(engineer.token(), "POST", "/api/v1/deployments", port,
								"{\"application\":\"" + app + "\",\"environment\":\"staging\",\"version\":\"" + version
										+ "\",\"endpoint\":\"e" + version + "\"}");
						recordMillis.add((System.nanoTime() - start) / 1_000_000);
						return status;
					}));
				}
				for (Future<Integer> call : calls) {
					assertThat(call.get()).isBetween(200, 202);
				}
				assertThat((System.nanoTime() - started) / 1_000_000_000)
					.as("reads and recordings while the webhook hangs for 25 s")
					.isLessThan(20);
				clients.shutdown();

				proxy.close();
				long cut = System.nanoTime();
				HttpClient http = HttpClient.newHttpClient();
				await().atMost(Duration.ofSeconds(15))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> http
						.send(HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
							.build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() == 503);
				long start = System.nanoTime();
				HttpResponse<String> answer = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/deployments?application=" + app))
					.header("Authorization", "Bearer " + engineer.token())
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
				long millis = (System.nanoTime() - start) / 1_000_000;
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
				assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
				assertThat(answer.body()).contains("The database cannot be reached right now");
				assertThat(millis).as("answered while the database is away, in ms").isLessThan(4000);
				System.out.printf("OutageAttackIT: readiness DOWN %d ms after the cut; API 503 in %d ms%n",
						(start - cut) / 1_000_000, millis);
			}
		}
		finally {
			webhook.stop(0);
		}
	}

	private static int status(String token, String method, String path, int port, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(20));
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A TCP proxy to PostgreSQL that can be cut: closing it drops every connection. */
	static final class Proxy implements AutoCloseable {

		private final ServerSocket listener;

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private Proxy(ServerSocket listener, String host, int port) {
			this.listener = listener;
			Thread accept = new Thread(() -> {
				while (!listener.isClosed()) {
					try {
						Socket client = listener.accept();
						Socket server = new Socket(host, port);
						sockets.add(client);
						sockets.add(server);
						pipe(client, server);
						pipe(server, client);
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "db-proxy");
			accept.setDaemon(true);
			accept.start();
		}

		static Proxy to(String jdbcUrl) throws IOException {
			Matcher matcher = Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(jdbcUrl);
			if (!matcher.find()) {
				throw new IllegalArgumentException(jdbcUrl);
			}
			int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
			return new Proxy(new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1")), matcher.group(1),
					port);
		}

		int port() {
			return listener.getLocalPort();
		}

		private void pipe(Socket from, Socket to) {
			Thread thread = new Thread(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					// cut
				}
				finally {
					closeQuietly(from);
					closeQuietly(to);
				}
			}, "db-proxy-pipe");
			thread.setDaemon(true);
			thread.start();
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

		@Override
		public void close() throws IOException {
			listener.close();
			sockets.forEach(Proxy::closeQuietly);
		}

	}

}
