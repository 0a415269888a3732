package org.releasegate.traffic.adapter.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.releasegate.traffic.adapter.Backends;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter against a real HTTP receiver that checks every signature the way a receiver
 * should: HMAC-SHA256 over the exact bytes, compared in constant time.
 */
class WebhookAdapterTest {

	static final String SECRET = "a-shared-secret-of-some-length";

	static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

	final JsonMapper json = JsonMapper.builder().build();

	final WebhookAdapter adapter = new WebhookAdapter(json, Clock.fixed(NOW, ZoneOffset.UTC),
			org.releasegate.egress.Egress.allowing("127.0.0.1/32", "localhost"));

	final AtomicReference<byte[]> stored = new AtomicReference<>("{\"members\":{\"v1\":100,\"v2\":0}}".getBytes());

	final AtomicInteger answerStatus = new AtomicInteger(200);

	HttpServer receiver;

	String url;

	@BeforeEach
	void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/split", this::receive);
		receiver.createContext("/slow", exchange -> {
			sleep(2000);
			answer(exchange, 200, stored.get());
		});
		receiver.start();
		url = "http://127.0.0.1:" + receiver.getAddress().getPort();
	}

	@AfterEach
	void stopReceiver() {
		receiver.stop(0);
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String timestamp = exchange.getRequestHeaders().getFirst("X-ReleaseGate-Timestamp");
		byte[] signed = "POST".equals(exchange.getRequestMethod()) ? body
				: String.valueOf(timestamp).getBytes(StandardCharsets.UTF_8);
		String expected = WebhookSignature.of(SECRET.getBytes(StandardCharsets.UTF_8), signed);
		String given = String.valueOf(exchange.getRequestHeaders().getFirst("X-ReleaseGate-Signature"));
		if (!MessageDigest.isEqual(expected.getBytes(), given.getBytes())) {
			answer(exchange, 401, "bad signature".getBytes());
			return;
		}
		if (answerStatus.get() != 200) {
			answer(exchange, answerStatus.get(), "receiver broken".getBytes());
			return;
		}
		if ("POST".equals(exchange.getRequestMethod())) {
			stored.set(body);
			answer(exchange, 204, null);
		}
		else {
			answer(exchange, 200, stored.get());
		}
	}

	@Test
	void appliesASignedSplitAndReadsItBack() {
		assertThat(adapter.observe(settings("/split", SECRET)).percentByMember())
			.containsExactly(Map.entry("v1", 100.0), Map.entry("v2", 0.0));

		adapter.apply(settings("/split", SECRET), new MemberShares(Map.of("v1", 90.0, "v2a", 5.0, "v2b", 5.0)));

		assertThat(json.readTree(stored.get()).get("members").get("v1").isInt()).isTrue();
		assertThat(json.readTree(stored.get()).get("timestamp").asString()).isEqualTo(NOW.toString());
		assertThat(adapter.observe(settings("/split", SECRET)).percentByMember()).containsOnly(Map.entry("v1", 90.0),
				Map.entry("v2a", 5.0), Map.entry("v2b", 5.0));
	}

	@Test
	void aWrongSecretOrABrokenReceiverIsAnError() {
		MemberShares split = new MemberShares(Map.of("v1", 50.0, "v2", 50.0));
		assertThatThrownBy(() -> adapter.apply(settings("/split", "not-the-right-secret"), split))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("answered 401: bad signature");
		answerStatus.set(503);
		assertThatThrownBy(() -> adapter.apply(settings("/split", SECRET), split))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("answered 503");
		assertThatThrownBy(() -> adapter.observe(settings("/split", SECRET))).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("answered 503");
		assertThat(new String(stored.get())).contains("\"v1\":100");
	}

	@Test
	void unreadableAnswersSlowReceiversAndDeadOnesAreErrors() {
		stored.set("<html>hello</html>".getBytes());
		assertThatThrownBy(() -> adapter.observe(settings("/split", SECRET))).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("members");
		stored.set("{\"members\":{\"v1\":70,\"v2\":70}}".getBytes());
		assertThatThrownBy(() -> adapter.observe(settings("/split", SECRET))).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("impossible split");
		BindingSettings slow = new BindingSettings(
				Map.of("url", url + "/slow", "secret", SECRET, "timeoutMillis", "200"));
		assertThatThrownBy(() -> adapter.observe(slow)).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("failed");
		BindingSettings dead = new BindingSettings(
				Map.of("url", "http://127.0.0.1:" + Backends.freePort() + "/", "secret", SECRET));
		assertThatThrownBy(() -> adapter.observe(dead)).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("failed");
	}

	@Test
	void percentIsSentWholeWhereItIsWhole() {
		assertThat(WebhookSplit.unit(90.0)).isEqualTo(90);
		assertThat(WebhookSplit.unit(2.5)).isEqualTo(2.5);
		assertThat(WebhookSplit.unit(0.0)).isEqualTo(0);
		assertThat(WebhookSplit.of(new MemberShares(Map.of("a", 97.5, "b", 2.5)), "t").shares())
			.isEqualTo(new MemberShares(Map.of("a", 97.5, "b", 2.5)));
	}

	@Test
	void settingsNameWhatIsWrong() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(Map.of("secret", SECRET))))
			.withMessageContaining("url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(Map.of("url", "ftp://x/", "secret", SECRET))))
			.withMessageContaining("http");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter
				.validate(new BindingSettings(Map.of("url", "https://lb.example.com/", "secret", "short"))))
			.withMessageContaining("secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(
					Map.of("url", "https://lb.example.com/", "secret", SECRET, "timeoutMillis", "soon"))))
			.withMessageContaining("timeoutMillis");
	}

	private BindingSettings settings(String path, String secret) {
		return new BindingSettings(Map.of("url", url + path, "secret", secret, "timeoutMillis", "2000"));
	}

	private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
		if (body != null) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
