package org.releasegate.traffic.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a connection may use: regular files inside its directory (after following links),
 * read with a size cap, so that no setting can point at {@code /dev/zero} or
 * {@code /etc/shadow}.
 */
public final class ConnectionFiles {

	/** Larger than any upstream file or kubeconfig we expect. */
	public static final int MAX_BYTES = 1024 * 1024;

	private ConnectionFiles() {
	}

	/**
	 * The real path of a regular file inside the directory.
	 * @throws IllegalArgumentException naming the setting otherwise
	 */
	public static Path regularFileUnder(Path directory, String file, String setting) {
		if (directory == null) {
			throw new IllegalArgumentException("a connection with setting '" + setting + "' needs a 'directory'");
		}
		try {
			Path root = directory.toRealPath();
			Path real = root.resolve(file).toRealPath();
			if (real.startsWith(root) && Files.isRegularFile(real)) {
				return real;
			}
		}
		catch (IOException ex) {
			// missing: the same answer as outside
		}
		throw new IllegalArgumentException("setting '" + setting + "' must be a regular file in " + directory);
	}

	/**
	 * Reads a regular file of at most {@link #MAX_BYTES}.
	 * @throws IOException when it is no regular file, is larger, or cannot be read
	 */
	public static String read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException(file + " is not a regular file");
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
