package org.releasegate.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs}, complete for every endpoint, also those
 * added later: both security schemes (so Swagger UI and generated clients authenticate),
 * a summary on every operation (from the handler's name when none is written), the
 * problem-detail responses each operation can give, and examples of the main request
 * bodies. Kept lint clean by ApiDescriptionIT (Redocly's recommended rules).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OperationCustomizer summaryFromHandlerName() {
		return (operation, handler) -> {
			if (operation.getSummary() == null || operation.getSummary().isBlank()) {
				operation.setSummary(summary(handler.getMethod().getName(), handler.getBeanType().getSimpleName()));
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer securityProblemsAndExamples() {
		return openApi -> {
			openApi.info(new Info().title("ReleaseGate API")
				.version("v1")
				.description("Deployments, releases, traffic and audit. Authenticate with an API token "
						+ "(Authorization: Bearer) or HTTP Basic. Errors are RFC 9457 problem details."));
			// relative: the service's own address, whatever it is reached by
			openApi.servers(List.of(new Server().url("/").description("this service")));
			Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			openApi.components(components);
			components.addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("an API token from POST /api/v1/tokens"));
			components.addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("username and password"));
			openApi.security(
					List.of(new SecurityRequirement().addList("bearer"), new SecurityRequirement().addList("basic")));
			components.addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.forEach((path, item) -> item.readOperationsMap()
						.forEach((method, operation) -> addProblems(path, method, operation)));
				RequestExamples.add(openApi.getPaths());
			}
			describeTags(openApi);
		};
	}

	/**
	 * The 4xx answers an operation can give, as problem details, unless it says its own.
	 */
	private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		Map<String, String> problems = new LinkedHashMap<>();
		if (hasInput) {
			problems.put("400", "Bad input: the problem names each refused field in errors");
		}
		problems.put("401", "No valid credentials");
		problems.put("403", "The caller's role may not do this");
		if (path.contains("{")) {
			problems.put("404", "Not found");
		}
		if (writes) {
			problems.put("409", "Conflicts with the current state (a duplicate or a forbidden change)");
		}
		problems.forEach((code, description) -> {
			if (!responses.containsKey(code)) {
				responses.addApiResponse(code, problem(description));
			}
		});
		if (responses.keySet().stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
			responses.addApiResponse("200", new ApiResponse().description("OK"));
		}
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema field = new ObjectSchema();
		field.addProperty("field", new StringSchema().description("the refused field, e.g. strategy.steps[0].weight"));
		field.addProperty("message", new StringSchema().description("why, in a sentence"));
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem detail");
		problem.addProperty("type", new StringSchema().example("about:blank"));
		problem.addProperty("title", new StringSchema().example("Invalid request"));
		problem.addProperty("status", new IntegerSchema().example(400));
		problem.addProperty("detail", new StringSchema().example("Invalid fields: version"));
		problem.addProperty("instance", new StringSchema().example("/api/v1/deployments"));
		problem.addProperty("errors", new ArraySchema().items(field));
		return problem;
	}

	/** Every tag used gets a description, so none is left bare. */
	private static void describeTags(OpenAPI openApi) {
		List<Tag> tags = openApi.getTags() == null ? new ArrayList<>() : new ArrayList<>(openApi.getTags());
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.values()
				.forEach(item -> item.readOperations()
					.forEach(operation -> (operation.getTags() == null ? List.<String>of() : operation.getTags())
						.forEach(name -> {
							if (tags.stream().noneMatch(tag -> tag.getName().equals(name))) {
								tags.add(new Tag().name(name).description(sentence(name)));
							}
						})));
		}
		tags.forEach(tag -> {
			if (tag.getDescription() == null || tag.getDescription().isBlank()) {
				tag.setDescription(sentence(tag.getName()));
			}
		});
		openApi.setTags(tags);
	}

	/**
	 * A summary from a handler's name: {@code reportHealth} becomes "Report health"; a
	 * one-word name is completed with the resource, {@code get} in
	 * {@code DeploymentController} becomes "Get deployment".
	 */
	static String summary(String methodName, String controllerName) {
		String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		if (!words.contains(" ")) {
			String resource = controllerName.replaceAll("(Controller|Api|Resource)$", "")
				.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
				.toLowerCase(Locale.ROOT);
			words = words + " " + (words.equals("list") && !resource.endsWith("s") ? resource + "s" : resource);
		}
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String sentence(String name) {
		String words = name.replace('-', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return "Operations on " + words;
	}

}
