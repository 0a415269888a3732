package org.releasegate.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.releasegate.common.BadInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications/{name}/environments/{env}")
@Tag(name = "Traffic", description = "Router bindings, desired and observed splits, rollback")
class TrafficController {

	private final BindingService bindings;

	private final TrafficService traffic;

	private final Clock clock;

	TrafficController(BindingService bindings, TrafficService traffic, Clock clock) {
		this.bindings = bindings;
		this.traffic = traffic;
		this.clock = clock;
	}

	@PutMapping("/binding")
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Save the router binding",
			description = "Checks the settings and reads the load balancer (422 naming what failed). "
					+ "The first save adopts the observed split as the desired one: no traffic moves.")
	ResponseEntity<BindingView> saveBinding(@PathVariable String name, @PathVariable String env,
			@Valid @RequestBody BindingRequest request) {
		if (request.unknown() != null && !request.unknown().isEmpty()) {
			String field = request.unknown().keySet().iterator().next();
			throw new BadInputException(field.length() > 63 ? field.substring(0, 63) : field,
					"unknown field: a binding names a connection and adds identifiers in 'settings'");
		}
		Map<String, String> settings = new LinkedHashMap<>();
		if (request.settings() != null) {
			request.settings().forEach((key, value) -> settings.put(key, value == null ? null : String.valueOf(value)));
		}
		BindingView saved = bindings.save(name, env, request.connection(), settings, request.driftPolicy());
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
	}

	@GetMapping("/binding")
	@Operation(summary = "The router binding",
			description = "Its settings (connection and identifiers) are shown to release managers and admins only.")
	BindingView binding(@PathVariable String name, @PathVariable String env,
			org.springframework.security.core.Authentication caller) {
		BindingView view = bindings.get(name, env);
		return mayReadSettings(caller) ? view : view.withoutSettings();
	}

	static boolean mayReadSettings(org.springframework.security.core.Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.anyMatch(authority -> authority.getAuthority().equals("ROLE_RELEASE_MANAGER")
					|| authority.getAuthority().equals("ROLE_ADMIN"));
	}

	@GetMapping("/traffic")
	@Operation(summary = "Desired and observed split, drift and the change still being pushed")
	TrafficView traffic(@PathVariable String name, @PathVariable String env) {
		return traffic.view(name, env);
	}

	@GetMapping("/traffic/history")
	@Operation(summary = "Every desired split decided in a time range, newest first",
			description = "from (inclusive, default 30 days ago) and to (default now) are ISO-8601 instants; "
					+ "the split in force at from comes last. At most 500 entries.")
	List<TrafficView.Decision> history(@PathVariable String name, @PathVariable String env,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		Instant until = to == null ? clock.instant() : to;
		return traffic.history(name, env, from == null ? until.minus(Duration.ofDays(30)) : from, until);
	}

	@PutMapping("/traffic")
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Set a manual split",
			description = "Percent per version of RUNNING deployments, summing to 100; versions left out get 0%. "
					+ "Pushed to the load balancer right after commit, then kept there by the reconciler.")
	TrafficView shift(@PathVariable String name, @PathVariable String env, @Valid @RequestBody SplitRequest request) {
		traffic.shiftByVersion(name, env, request.split(),
				request.reason() == null || request.reason().isBlank() ? "manual split" : request.reason());
		return traffic.view(name, env);
	}

	@PostMapping("/rollback")
	@PreAuthorize("hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Roll back at once",
			description = "100% to the most recent deployment that held 100% and still runs; no approval. "
					+ "200 once the load balancer confirmed, 202 while it is unreachable (the reconciler "
					+ "keeps retrying), 409 when there is nothing to roll back to.")
	ResponseEntity<RollbackView> rollback(@PathVariable String name, @PathVariable String env,
			@Valid @RequestBody RollbackRequest request) {
		TrafficService.Rollback rollback = traffic.rollbackReported(name, env, request.reason());
		TrafficControl.RolledBack rolledBack = rollback.rolledBack();
		TrafficView.Change change = traffic.view(rollback.change(), List.of(rollback.target()));
		RollbackView view = new RollbackView(rolledBack.version(), rolledBack.deployment(),
				rolledBack.confirmed() ? "APPLIED" : "PENDING", rolledBack.detail(), change);
		return ResponseEntity.status(rolledBack.confirmed() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(view);
	}

	/**
	 * @param connection the name of a load-balancer connection the operator configured
	 * @param settings identifiers only (backend, upstream, route, namespace ...)
	 */
	record BindingRequest(@NotBlank @Size(max = 63) String connection, Map<String, Object> settings,
			DriftPolicy driftPolicy,
			@com.fasterxml.jackson.annotation.JsonAnySetter @io.swagger.v3.oas.annotations.media.Schema(
					hidden = true) Map<String, Object> unknown) {
	}

	record SplitRequest(@NotEmpty Map<String, @NotNull Integer> split, @Size(max = 1000) String reason) {
	}

	record RollbackRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	record RollbackView(String version, UUID deployment, String status, String detail, TrafficView.Change change) {
	}

}
