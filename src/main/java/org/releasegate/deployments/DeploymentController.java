package org.releasegate.deployments;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.releasegate.common.Cursor;
import org.releasegate.common.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deployments")
@Tag(name = "Deployments", description = "Versions placed beside the running one, with no user traffic")
class DeploymentController {

	private final DeploymentService deployments;

	DeploymentController(DeploymentService deployments) {
		this.deployments = deployments;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Record a deployment",
			description = "201 when recorded; 200 with the same record when the same version is posted again "
					+ "with the same body (safe CI retries); 409 when it was recorded with a different body.")
	ResponseEntity<DeploymentView> record(@Valid @RequestBody RecordDeployment request) {
		DeploymentService.Recorded recorded = deployments.record(request);
		if (!recorded.created()) {
			return ResponseEntity.ok(recorded.deployment());
		}
		return ResponseEntity.created(URI.create("/api/v1/deployments/" + recorded.deployment().id()))
			.body(recorded.deployment());
	}

	@GetMapping
	@Operation(summary = "Deployments, newest first, with keyset paging")
	Slice<DeploymentView> list(@RequestParam(required = false) String application,
			@RequestParam(required = false) String environment, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return deployments.list(application, environment, cursor, Cursor.limit(limit));
	}

	@GetMapping("/{id}")
	DeploymentView get(@PathVariable UUID id) {
		return deployments.get(id);
	}

	@PostMapping("/{id}/health")
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER', 'ADMIN')")
	@Operation(summary = "Report a deployment's health",
			description = "Pushed by the application or its monitoring; feeds the release checklist and health gates.")
	DeploymentView reportHealth(@PathVariable UUID id, @Valid @RequestBody HealthReport report) {
		return deployments.reportHealth(id, report);
	}

	@PostMapping("/{id}/retire")
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER', 'ADMIN')")
	DeploymentView retire(@PathVariable UUID id) {
		return deployments.retire(id);
	}

}
