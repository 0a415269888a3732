package org.releasegate.traffic.adapter.nginx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.releasegate.traffic.adapter.BindingSettings;

/**
 * The settings of an NGINX binding. The commands that check and reload the configuration
 * are {@code nginx [-p prefix] [-c config] -t} and {@code ... -s reload} unless a binding
 * names its own (e.g. {@code sudo -n /usr/sbin/nginx -t} or
 * {@code systemctl reload nginx}); commands are split at spaces and run without a shell.
 */
record NginxSettings(Path upstreamFile, String upstream, List<String> testCommand, List<String> reloadCommand) {

	private static final Pattern UPSTREAM_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

	static NginxSettings of(BindingSettings settings) {
		String directory = settings.get("connectionDirectory", null);
		Path file = org.releasegate.traffic.adapter.ConnectionFiles.regularFileUnder(
				directory == null ? null : Path.of(directory), settings.require("upstreamFile"), "upstreamFile");
		String upstream = settings.require("upstream");
		if (!UPSTREAM_NAME.matcher(upstream).matches()) {
			throw new IllegalArgumentException(
					"setting 'upstream' must be an NGINX upstream name (letters, digits, _ . -)");
		}
		List<String> nginx = new ArrayList<>();
		nginx.add(settings.get("nginxBinary", "/usr/sbin/nginx"));
		if (settings.values().containsKey("nginxPrefix")) {
			nginx.addAll(List.of("-p", absolute(settings, "nginxPrefix").toString()));
		}
		if (settings.values().containsKey("nginxConfig")) {
			nginx.addAll(List.of("-c", absolute(settings, "nginxConfig").toString()));
		}
		List<String> test = command(settings, "testCommand", nginx, "-t");
		List<String> reload = command(settings, "reloadCommand", nginx, "-s", "reload");
		return new NginxSettings(file, upstream, test, reload);
	}

	private static List<String> command(BindingSettings settings, String key, List<String> nginx, String... args) {
		String custom = settings.get(key, null);
		if (custom != null) {
			return Arrays.asList(custom.trim().split("\\s+"));
		}
		List<String> command = new ArrayList<>(nginx);
		command.addAll(List.of(args));
		return List.copyOf(command);
	}

	private static Path absolute(BindingSettings settings, String key) {
		Path path = Path.of(settings.require(key));
		if (!path.isAbsolute()) {
			throw new IllegalArgumentException("setting '" + key + "' must be an absolute path");
		}
		return path.normalize();
	}

}
