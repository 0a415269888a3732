package org.releasegate.traffic.adapter.haproxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.releasegate.traffic.adapter.LoadBalancerException;

/**
 * HAProxy's runtime API (the {@code stats socket}) in non-interactive mode: one
 * connection per command line, the answer is everything HAProxy writes until it closes
 * the connection. Works over {@code unix:/path} and {@code tcp:host:port}.
 */
final class HaproxyRuntime {

	private final String address;

	private final SocketAddress target;

	private final Duration timeout;

	private final org.releasegate.egress.Egress egress;

	HaproxyRuntime(String address, Duration timeout, org.releasegate.egress.Egress egress) {
		this.egress = egress;
		this.address = address;
		this.target = parse(address);
		this.timeout = timeout;
	}

	/** Checks an address without connecting to it. */
	static SocketAddress parse(String address) {
		if (address.startsWith("unix:") && address.length() > "unix:".length()) {
			return UnixDomainSocketAddress.of(Path.of(address.substring("unix:".length())));
		}
		if (address.startsWith("tcp:")) {
			String hostPort = address.substring("tcp:".length());
			int colon = hostPort.lastIndexOf(':');
			if (colon > 0) {
				try {
					int port = Integer.parseInt(hostPort.substring(colon + 1));
					if (port > 0 && port < 65536) {
						return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
					}
				}
				catch (NumberFormatException ex) {
					// reported below
				}
			}
		}
		throw new IllegalArgumentException(
				"setting 'address' must be unix:/path/to/admin.sock or tcp:host:port, not '" + address + "'");
	}

	/**
	 * Sends one command line (commands may be joined with ';') and returns the answer.
	 */
	String execute(String commands) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (SocketChannel channel = connect(); Selector selector = Selector.open()) {
			channel.configureBlocking(false);
			ByteBuffer request = ByteBuffer.wrap((commands + "\n").getBytes(StandardCharsets.US_ASCII));
			SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
			while (request.hasRemaining()) {
				await(selector, deadline);
				channel.write(request);
			}
			key.interestOps(SelectionKey.OP_READ);
			StringBuilder answer = new StringBuilder();
			ByteBuffer buffer = ByteBuffer.allocate(8192);
			while (true) {
				int read = channel.read(buffer);
				if (read < 0) {
					return answer.toString();
				}
				if (read == 0) {
					await(selector, deadline);
					continue;
				}
				buffer.flip();
				answer.append(StandardCharsets.US_ASCII.decode(buffer));
				buffer.clear();
			}
		}
		catch (IOException ex) {
			throw new LoadBalancerException("HAProxy at " + address + " is unreachable: " + ex.getMessage(), ex);
		}
	}

	private SocketChannel connect() throws IOException {
		if (target instanceof UnixDomainSocketAddress unix) {
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(unix);
			}
			catch (IOException ex) {
				channel.close();
				throw ex;
			}
			return channel;
		}
		InetSocketAddress unresolved = (InetSocketAddress) target;
		SocketChannel channel = SocketChannel.open();
		try {
			channel.socket()
				.connect(egress.check(unresolved.getHostString(), unresolved.getPort()), (int) timeout.toMillis());
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
		return channel;
	}

	private void await(Selector selector, long deadline) throws IOException {
		long left = deadline - System.nanoTime();
		if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
			throw new java.net.SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
		}
		selector.selectedKeys().clear();
	}

}
