package org.releasegate.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a command runs with: the environment variables, the terminal's streams and the
 * settings they give. Tests pass their own.
 */
final class Context {

	private final Map<String, String> env;

	private final InputStream in;

	private final PrintWriter out;

	private final PrintWriter err;

	Context(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
		this.env = env;
		this.in = in;
		this.out = out;
		this.err = err;
	}

	Map<String, String> env() {
		return env;
	}

	PrintWriter out() {
		return out;
	}

	PrintWriter err() {
		return err;
	}

	Settings settings() {
		return Settings.load(env);
	}

	/** The first line of standard input, e.g. a token piped in. */
	String readLine() {
		try {
			String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			return line == null ? "" : line.strip();
		}
		catch (java.io.IOException ex) {
			return "";
		}
	}

	/** A client of the configured service, or a failure saying how to configure one. */
	ServiceClient client() {
		Settings settings = settings();
		if (settings.url() == null) {
			throw new Failure(Failure.AUTH,
					"no service configured: run trafficctl login --url URL, or set TRAFFICCTL_URL and TRAFFICCTL_TOKEN");
		}
		return new ServiceClient(settings.url(), settings.token());
	}

}
