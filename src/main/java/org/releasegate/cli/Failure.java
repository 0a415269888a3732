package org.releasegate.cli;

import java.util.List;

/**
 * Why a command could not do what was asked, in sentences for the person at the terminal,
 * with the exit code that tells a pipeline what kind of failure it was.
 */
final class Failure extends RuntimeException {

	static final int USAGE = 2;

	static final int AUTH = 3;

	static final int NOT_FOUND = 4;

	static final int CONFLICT = 5;

	static final int UNAVAILABLE = 6;

	private final int exitCode;

	private final List<String> details;

	Failure(int exitCode, String message, List<String> details) {
		super(message, null, false, false);
		this.exitCode = exitCode;
		this.details = List.copyOf(details);
	}

	Failure(int exitCode, String message) {
		this(exitCode, message, List.of());
	}

	int exitCode() {
		return exitCode;
	}

	/** Further lines, e.g. one per field the service refused. */
	List<String> details() {
		return details;
	}

	/** The exit code for an HTTP status the service answered with. */
	static int exitCodeOf(int status) {
		return switch (status) {
			case 400, 413, 415 -> USAGE;
			case 401, 403 -> AUTH;
			case 404, 422 -> NOT_FOUND;
			case 409 -> CONFLICT;
			default -> status >= 500 ? UNAVAILABLE : 1;
		};
	}

}
