package org.releasegate.cli;

import picocli.CommandLine.Option;

/** The options every command takes. */
final class Global {

	enum Format {

		TABLE, JSON

	}

	@Option(names = { "-e", "--environment" }, paramLabel = "ENV",
			description = "environment to act in (default: the configured one, else production)")
	String environment;

	@Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table",
			description = "table (default) or json (the API's JSON as is)")
	Format output;

	@Option(names = { "-q", "--quiet" }, description = "print identifiers only, one a line")
	boolean quiet;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
	boolean help;

}
