package org.releasegate.common;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service's {@code /v3/api-docs} is lint clean under Redocly's recommended
 * rules (tools/redocly: the CLI pinned in package-lock.json, installed with npm ci when
 * missing): no error and no warning.
 */
@FullStackTest
class ApiDescriptionIT {

	private static final Path TOOLS = Path.of("tools/redocly");

	@Autowired
	Api api;

	@Test
	void theApiDescriptionIsLintClean() throws Exception {
		String description = api.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Path file = Path.of("target/api-docs.json");
		Files.writeString(file, description);
		JsonNode api = JsonMapper.builder().build().readTree(description);
		assertThat(api.path("components").path("securitySchemes").propertyNames()).contains("bearer", "basic");
		assertThat(api.path("paths").path("/api/v1/deployments").path("post").path("requestBody").toString())
			.contains("example");

		installLinter();
		Path report = Path.of("target/api-lint.json");
		Process lint = new ProcessBuilder(TOOLS.resolve("node_modules/.bin/redocly").toString(), "lint",
				file.toString(), "--config", TOOLS.resolve("redocly.yaml").toString(), "--format=json")
			.redirectOutput(report.toFile())
			.redirectError(new File("target/api-lint.log"))
			.start();
		assertThat(lint.waitFor(3, TimeUnit.MINUTES)).as("redocly lint ends within 3 minutes").isTrue();
		JsonNode result = JsonMapper.builder().build().readTree(Files.readString(report));
		List<String> problems = result.path("problems")
			.values()
			.stream()
			.map(problem -> problem.path("severity").asString() + " " + problem.path("ruleId").asString() + ": "
					+ problem.path("message").asString() + " at "
					+ problem.path("location").path(0).path("pointer").asString())
			.toList();
		assertThat(problems).as("Redocly recommended rules on /v3/api-docs (report: %s)", report).isEmpty();
		assertThat(result.path("totals").path("errors").asInt()).isZero();
		assertThat(result.path("totals").path("warnings").asInt()).isZero();
		assertThat(lint.exitValue()).isZero();
	}

	/** npm ci from the lock file, once per checkout; CI needs Node 20.19+ and npm. */
	private static void installLinter() throws IOException, InterruptedException {
		if (Files.isExecutable(TOOLS.resolve("node_modules/.bin/redocly"))) {
			return;
		}
		boolean npm = Files.isExecutable(Path.of("/usr/bin/npm")) || Files.isExecutable(Path.of("/usr/local/bin/npm"));
		if (!npm && System.getenv("CI") == null) {
			Assumptions.abort("npm is not installed: the API description is not linted");
		}
		Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(TOOLS.toFile())
			.redirectErrorStream(true)
			.redirectOutput(new File("target/npm-ci.log"))
			.start();
		assertThat(install.waitFor(5, TimeUnit.MINUTES)).as("npm ci in tools/redocly").isTrue();
		assertThat(install.exitValue())
			.as("npm ci in tools/redocly: %s", Files.readString(Path.of("target/npm-ci.log"), StandardCharsets.UTF_8))
			.isZero();
	}

}
