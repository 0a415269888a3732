package org.releasegate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on a machine with only a JDK: the packaged service started
 * with no database configured runs on an embedded PostgreSQL in {@code ./data/postgres},
 * serves the UI, stops it cleanly and finds its data again on the next start.
 */
class FirstRunIT {

	@TempDir
	Path workingDirectory;

	@BeforeAll
	static void packaged() {
		ServiceProcess.assumePackaged();
	}

	@Test
	void servesTheUiOnAnEmbeddedPostgresKeptAcrossRestarts() throws Exception {
		Path data = workingDirectory.resolve("data/postgres");
		int port = ServiceProcess.freePort();
		ServiceProcess first = ServiceProcess.firstRun(workingDirectory, port);
		String firstLog;
		try {
			assertThat(signInPage(port)).contains("Sign in");
		}
		finally {
			assertThat(first.stop()).as("exit status after SIGTERM").isIn(0, 143);
			firstLog = first.log();
		}
		assertThat(firstLog).contains("embedded PostgreSQL")
			.contains(data.toRealPath().toString())
			.contains("for trying it out")
			.contains("Created the 'admin' account")
			.contains("The embedded PostgreSQL has stopped");
		assertThat(data.resolve("PG_VERSION")).exists();
		assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

		ServiceProcess second = ServiceProcess.firstRun(workingDirectory, port);
		try {
			assertThat(signInPage(port)).contains("Sign in");
		}
		finally {
			second.stop();
		}
		assertThat(second.log()).as("the second start finds the data of the first")
			.contains(data.toRealPath().toString())
			.doesNotContain("Created the 'admin' account")
			.doesNotContain("created the database");
	}

	private static String signInPage(int port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
