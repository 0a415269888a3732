package org.releasegate.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where the service is and who is calling: {@code TRAFFICCTL_URL},
 * {@code TRAFFICCTL_TOKEN} and {@code TRAFFICCTL_ENVIRONMENT} win over the config file
 * ({@code $XDG_CONFIG_HOME/trafficctl/config}, else {@code ~/.config/trafficctl/config}),
 * so a pipeline needs no file at all.
 */
record Settings(String url, String token, String environment) {

	static final String DEFAULT_ENVIRONMENT = "production";

	static final Set<String> KEYS = Set.of("url", "token", "environment");

	/** The config file for this environment of variables. */
	static Path file(Map<String, String> env) {
		String xdg = env.get("XDG_CONFIG_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
				: Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
		return base.resolve("trafficctl").resolve("config");
	}

	static Settings load(Map<String, String> env) {
		Properties stored = read(file(env));
		return new Settings(first(env.get("TRAFFICCTL_URL"), stored.getProperty("url")),
				first(env.get("TRAFFICCTL_TOKEN"), stored.getProperty("token")),
				first(env.get("TRAFFICCTL_ENVIRONMENT"), stored.getProperty("environment")));
	}

	/**
	 * The environment to act in: the option, else the configured one, else production.
	 */
	String environmentOr(String option) {
		return first(option, first(environment, DEFAULT_ENVIRONMENT));
	}

	static Properties read(Path file) {
		Properties properties = new Properties();
		if (Files.isRegularFile(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new Failure(1, "cannot read " + file + ": " + ex.getMessage());
			}
		}
		return properties;
	}

	/**
	 * Stores one value in the config file, which only its owner may read (it holds a
	 * token).
	 */
	static void store(Map<String, String> env, String key, String value) {
		Path file = file(env);
		Properties properties = read(file);
		properties.setProperty(key, value);
		try {
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			Files.setPosixFilePermissions(file, OWNER_ONLY);
			StringWriter text = new StringWriter();
			properties.store(text, "trafficctl");
			Files.writeString(file, text.toString(), StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (IOException | UncheckedIOException | UnsupportedOperationException ex) {
			throw new Failure(1, "cannot write " + file + ": " + ex.getMessage());
		}
	}

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static String first(String preferred, String fallback) {
		return preferred != null && !preferred.isBlank() ? preferred.strip() : fallback;
	}

}
