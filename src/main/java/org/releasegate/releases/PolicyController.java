package org.releasegate.releases;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications/{name}/environments/{environment}/policy")
@Tag(name = "Release policy", description = "Approvals, soak, windows and freezes per application and environment")
class PolicyController {

	private final PolicyService policies;

	PolicyController(PolicyService policies) {
		this.policies = policies;
	}

	@GetMapping
	@io.swagger.v3.oas.annotations.Operation(summary = "The release policy of an application in an environment")
	PolicyView get(@PathVariable String name, @PathVariable String environment) {
		return policies.get(name, environment);
	}

	@PutMapping
	@io.swagger.v3.oas.annotations.Operation(summary = "Set the release policy of an application")
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	PolicyView put(@PathVariable String name, @PathVariable String environment,
			@Valid @RequestBody PolicyRequest body) {
		return policies.put(name, environment, body);
	}

}
