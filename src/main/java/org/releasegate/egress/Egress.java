package org.releasegate.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The egress policy (see the package description). Resolves a host once and checks every
 * address; the JVM's address cache then hands the same answer to the connection that
 * follows, so a name that changes its answer between check and connect (DNS rebinding)
 * still reaches only the checked address.
 */
@Component
@EnableConfigurationProperties(EgressProperties.class)
public class Egress {

	private static final Logger log = LoggerFactory.getLogger(Egress.class);

	/** Never reachable unless listed, whatever {@code public-allowed} says. */
	private static final List<Network> INTERNAL = List
		.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
				"192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/3", "::/127", "fc00::/7", "fe80::/10",
				"ff00::/8")
		.stream()
		.map(Network::parse)
		.toList();

	private final List<Network> allowedNetworks = new ArrayList<>();

	private final List<String> allowedHosts = new ArrayList<>();

	private final EgressProperties properties;

	private final HttpClient http;

	Egress(EgressProperties properties) {
		this.properties = properties;
		for (String entry : properties.allowed()) {
			String value = entry.strip().toLowerCase(Locale.ROOT);
			if (value.isEmpty()) {
				continue;
			}
			if (value.matches("[0-9a-f:.]+(/\\d+)?") && (value.contains("/") || value.matches("[0-9.]+|.*:.*"))) {
				allowedNetworks.add(Network.parse(value));
			}
			else if (value.matches("(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
				allowedHosts.add(value);
			}
			else {
				throw new IllegalArgumentException(
						"releasegate.egress.allowed: '" + entry + "' is neither a host name nor a network");
			}
		}
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A policy outside Spring (tools, tests): the given entries allowed, public addresses
	 * allowed, 2 s to connect, 5 s to answer.
	 */
	public static Egress allowing(String... allowed) {
		return new Egress(new EgressProperties(List.of(allowed), true, Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

	/**
	 * Checks an http(s) URL.
	 * @return the address the host resolved to
	 * @throws EgressRefused when the policy does not allow it
	 */
	public InetSocketAddress check(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw refused("not an absolute http(s) URL: " + uri.getScheme() + "://" + uri.getHost());
		}
		int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
		return check(uri.getHost(), port);
	}

	/**
	 * Checks a host and port (e.g. an HAProxy {@code tcp:} address).
	 * @return the address the host resolved to, to connect to
	 * @throws EgressRefused when the policy does not allow it
	 */
	public InetSocketAddress check(String host, int port) {
		String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name);
		}
		catch (UnknownHostException ex) {
			throw refused("unknown host " + name);
		}
		boolean hostListed = hostListed(name.toLowerCase(Locale.ROOT));
		for (InetAddress address : addresses) {
			if (!hostListed && !allowed(address)) {
				throw refused(name + " resolves to " + address.getHostAddress());
			}
		}
		return new InetSocketAddress(addresses[0], port);
	}

	/** The shared client: no redirects, the policy's connect timeout. */
	public HttpClient http() {
		return http;
	}

	/** The policy's read timeout, for requests built elsewhere. */
	public Duration readTimeout() {
		return properties.readTimeout();
	}

	/**
	 * Checks the request's target, then sends it with the shared client; a request
	 * without a timeout of its own gets the policy's read timeout.
	 */
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
			throws IOException, InterruptedException {
		check(request.uri());
		HttpRequest bounded = request.timeout().isPresent() ? request
				: HttpRequest.newBuilder(request, (name, value) -> true).timeout(properties.readTimeout()).build();
		return http.send(bounded, body);
	}

	/**
	 * What went wrong with an outbound call, as the end of a fixed sentence users may
	 * read ("the probe " + {@code failure(ex)}): never the remote answer or an exception
	 * text.
	 */
	public static String failure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof EgressRefused) {
				return "is not allowed by the egress policy";
			}
			if (cause instanceof java.net.ConnectException) {
				return "refused the connection";
			}
			if (cause instanceof java.net.http.HttpTimeoutException
					|| cause instanceof java.net.SocketTimeoutException) {
				return "did not answer in time";
			}
		}
		return "could not be reached";
	}

	private boolean hostListed(String host) {
		for (String entry : allowedHosts) {
			if (entry.equals(host) || entry.startsWith("*.") && host.endsWith(entry.substring(1))) {
				return true;
			}
		}
		return false;
	}

	private boolean allowed(InetAddress address) {
		for (Network network : allowedNetworks) {
			if (network.contains(address)) {
				return true;
			}
		}
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		for (Network network : INTERNAL) {
			if (network.contains(address)) {
				return false;
			}
		}
		return properties.publicAllowed();
	}

	private static EgressRefused refused(String detail) {
		log.warn("Egress refused: {}", detail);
		return new EgressRefused(detail);
	}

}
