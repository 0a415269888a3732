package org.releasegate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on a machine with only a JDK: the packaged service started
 * with no database configured runs on an embedded PostgreSQL in {@code ./data/postgres}.
 * Started with {@code --demo}, a product owner finds a release in their inbox; stopped
 * with SIGTERM, PostgreSQL stops too; started again without {@code --demo}, it serves the
 * UI on the same data.
 */
class FirstRunIT {

	@TempDir
	Path workingDirectory;

	@BeforeAll
	static void packaged() {
		ServiceProcess.assumePackaged();
	}

	@Test
	void demoOnAnEmbeddedPostgresShowsTheProductOwnerAReleaseAndIsKeptAcrossRestarts() throws Exception {
		Path data = workingDirectory.resolve("data/postgres");
		int port = ServiceProcess.freePort();
		ServiceProcess first = ServiceProcess.firstRun(workingDirectory, port, "--demo");
		String firstLog;
		String password;
		try {
			firstLog = first.log();
			password = passwordOf("paula", firstLog);
			assertThat(inboxOf(port, "paula", password)).contains("checkout 1.5.0");
		}
		finally {
			assertThat(first.stop()).as("exit status after SIGTERM").isIn(0, 143);
		}
		firstLog = first.log();
		assertThat(firstLog).contains("embedded PostgreSQL")
			.contains(data.toRealPath().toString())
			.contains("for trying it out")
			.contains("Demo: sample data created")
			.contains("erin (ENGINEER)")
			.contains("pete (PRODUCT_OWNER)")
			.contains("maria (RELEASE_MANAGER)")
			.contains("audrey (AUDITOR)")
			.contains("The embedded PostgreSQL has stopped");
		assertThat(data.resolve("PG_VERSION")).exists();
		assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

		ServiceProcess second = ServiceProcess.firstRun(workingDirectory, port);
		try {
			assertThat(inboxOf(port, "paula", password)).as("the second start finds the data of the first")
				.contains("checkout 1.5.0");
		}
		finally {
			second.stop();
		}
		assertThat(second.log()).contains(data.toRealPath().toString())
			.doesNotContain("Demo:")
			.doesNotContain("Created the 'admin' account")
			.doesNotContain("created the database");
	}

	private static String passwordOf(String username, String log) {
		Matcher matcher = Pattern.compile(" " + username + " \\([A-Z_]+\\): (\\S+)").matcher(log);
		assertThat(matcher.find()).as("the demo printed the password of %s", username).isTrue();
		return matcher.group(1);
	}

	/** Signs in with the form, as a browser does, and reads the inbox page. */
	private static String inboxOf(int port, String username, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + port;
		String login = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).as("the sign-in page has a form").isTrue();
		String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ "&_csrf=" + csrf.group(1);
		HttpResponse<Void> signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		HttpResponse<String> inbox = browser.send(HttpRequest.newBuilder(URI.create(base + "/inbox")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(inbox.statusCode()).isEqualTo(200);
		return inbox.body();
	}

}
