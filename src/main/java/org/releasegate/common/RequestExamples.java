package org.releasegate.common;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;

/** Examples of the main request bodies, shown by Swagger UI and generated clients. */
final class RequestExamples {

	private static final Map<String, Object> EXAMPLES = Map.ofEntries(
			Map.entry("POST /api/v1/deployments",
					Map.of("application", "checkout", "environment", "production", "version", "1.4.2", "artifact",
							"registry.example.com/checkout@sha256:4f2a", "commit", "9f2c1e7", "pipelineUrl",
							"https://ci.example.com/checkout/runs/812", "endpoint", "checkout-v142")),
			Map.entry("POST /api/v1/releases",
					Map.of("application", "checkout", "environment", "production", "candidateVersion", "1.4.2",
							"strategy",
							Map.of("type", "CANARY", "steps", List.of(Map.of("weight", 10, "pause", "PT5M"),
									Map.of("weight", 50, "pause", "PT10M"), Map.of("weight", 100, "pause", "PT0S")),
									"rollback", Map.of("mode", "GRADUAL", "stepPause", "PT30S")),
							"onCallContact", "pager: erin", "summary", "New basket", "ticketUrl",
							"https://tickets.example.com/CHK-42")),
			Map.entry("POST /api/v1/releases/{id}/approvals",
					Map.of("decision", "APPROVE", "comment", "copy and prices checked")),
			Map.entry("POST /api/v1/releases/{id}/rollback", Map.of("reason", "checkout errors", "mode", "INSTANT")),
			Map.entry("PUT /api/v1/applications/{name}/environments/{env}/traffic",
					Map.of("split", Map.of("1.4.1", 90, "1.4.2", 10), "reason", "canary by hand")),
			Map.entry("POST /api/v1/applications/{name}/environments/{env}/rollback",
					Map.of("reason", "checkout errors")),
			Map.entry("PUT /api/v1/applications/{name}/environments/{env}/binding",
					Map.of("connection", "haproxy-edge", "settings", Map.of("backend", "checkout"), "driftPolicy",
							"CORRECT")),
			Map.entry("POST /api/v1/applications",
					Map.of("name", "checkout", "displayName", "Checkout", "owners", List.of("paula"))),
			Map.entry("POST /api/v1/users",
					Map.of("username", "ci-bot", "password", "a-long-ci-password", "displayName", "CI pipeline",
							"roles", List.of("ENGINEER"))),
			Map.entry("POST /api/v1/tokens", Map.of("name", "github-actions", "expiresInDays", 90)),
			Map.entry("POST /api/v1/deployments/{id}/health",
					Map.of("status", "FAILING", "detail", "error rate 4% over 5 minutes")));

	private RequestExamples() {
	}

	static void add(Paths paths) {
		paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Object example = EXAMPLES.get(method.name() + " " + path);
			if (example != null) {
				example(operation, example);
			}
		}));
	}

	private static void example(Operation operation, Object example) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		MediaType json = operation.getRequestBody().getContent().get("application/json");
		if (json != null && json.getExample() == null) {
			json.setExample(example);
		}
	}

}
