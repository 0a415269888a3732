package org.releasegate.cli;

import java.util.List;
import java.util.Properties;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code login}, {@code whoami} and {@code config}: where the service is and who calls
 * it.
 */
final class AccountCommands {

	private AccountCommands() {
	}

	@Command(name = "login",
			description = { "Store the service's address and an API token in the config file (mode 0600).",
					"The token is read from TRAFFICCTL_TOKEN, else from standard input; it is checked first." },
			footerHeading = "%nExample:%n",
			footer = { "  echo \"$TOKEN\" | trafficctl login --url https://releasegate.example.com" })
	static final class Login extends Call {

		@Option(names = "--url", required = true, paramLabel = "URL",
				description = "the service, e.g. https://releasegate.example.com")
		String url;

		Login(Context context) {
			super(context);
		}

		@Override
		int run() {
			if (!url.matches("https?://\\S+")) {
				throw new Failure(Failure.USAGE, "--url must be an http(s) address, e.g. http://localhost:8080");
			}
			String token = context.env().get("TRAFFICCTL_TOKEN");
			if (token == null || token.isBlank()) {
				token = context.readLine();
			}
			if (token.isBlank()) {
				throw new Failure(Failure.USAGE,
						"no token given: pipe one in (echo \"$TOKEN\" | trafficctl login --url ...) or set TRAFFICCTL_TOKEN");
			}
			ServiceClient.Reply me = new ServiceClient(url, token).get("/api/v1/users/me");
			Settings.store(context.env(), "url", url);
			Settings.store(context.env(), "token", token);
			context.out()
				.println("signed in to " + url + " as " + me.json().path("username").asString() + " ("
						+ Table.text(me.json(), "roles") + "); saved in " + Settings.file(context.env()));
			return 0;
		}

	}

	@Command(name = "whoami", description = "Show who the configured token signs in as.",
			footerHeading = "%nExample:%n", footer = "  trafficctl whoami")
	static final class WhoAmI extends Call {

		WhoAmI(Context context) {
			super(context);
		}

		@Override
		int run() {
			ServiceClient client = client();
			ServiceClient.Reply me = client.get("/api/v1/users/me");
			printer().one(me, "username",
					new Table().column("USERNAME", "username")
						.column("NAME", "displayName")
						.column("ROLES", "roles")
						.column("SERVICE", row -> client.base()));
			return 0;
		}

	}

	@Command(name = "config", description = "Read or change the config file.",
			subcommands = { ConfigSet.class, ConfigView.class }, footerHeading = "%nExample:%n",
			footer = "  trafficctl config set environment staging")
	static final class Config {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "show this help and exit")
		boolean help;

	}

	@Command(name = "set", description = "Set url, token or environment in the config file.",
			footerHeading = "%nExample:%n", footer = "  trafficctl config set environment staging")
	static final class ConfigSet extends Call {

		@Parameters(index = "0", paramLabel = "KEY", description = "environment, url or token")
		String key;

		@Parameters(index = "1", paramLabel = "VALUE")
		String value;

		ConfigSet(Context context) {
			super(context);
		}

		@Override
		int run() {
			if (!Settings.KEYS.contains(key)) {
				throw new Failure(Failure.USAGE, "unknown key '" + key + "': use environment, url or token");
			}
			if (key.equals("environment") && !value.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
				throw new Failure(Failure.USAGE,
						"environment must be a lowercase DNS label (a-z, 0-9, '-'), e.g. staging");
			}
			Settings.store(context.env(), key, value);
			context.out().println(key + " = " + (key.equals("token") ? "(hidden)" : value));
			return 0;
		}

	}

	@Command(name = "view", description = "Show the settings in effect (the token hidden) and where each comes from.",
			footerHeading = "%nExample:%n", footer = "  trafficctl config view")
	static final class ConfigView extends Call {

		ConfigView(Context context) {
			super(context);
		}

		@Override
		int run() {
			Properties stored = Settings.read(Settings.file(context.env()));
			Settings settings = context.settings();
			for (List<String> row : List.of(List.of("url", "TRAFFICCTL_URL", String.valueOf(settings.url())),
					List.of("token", "TRAFFICCTL_TOKEN", settings.token() == null ? "(none)" : "(hidden)"),
					List.of("environment", "TRAFFICCTL_ENVIRONMENT", settings.environmentOr(null)))) {
				String source = context.env().get(row.get(1)) != null ? row.get(1)
						: stored.containsKey(row.get(0)) ? Settings.file(context.env()).toString() : "default";
				context.out().println(row.get(0) + " = " + row.get(2) + "   (" + source + ")");
			}
			return 0;
		}

	}

}
