package org.releasegate.applications;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "What users reach through a load balancer, and who owns it")
class ApplicationController {

	private final ApplicationService applications;

	ApplicationController(ApplicationService applications) {
		this.applications = applications;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	ResponseEntity<ApplicationView> create(@Valid @RequestBody ApplicationRequest request) {
		ApplicationView created = applications.create(request);
		return ResponseEntity.created(URI.create("/api/v1/applications/" + created.name())).body(created);
	}

	@GetMapping
	List<ApplicationView> list() {
		return applications.all();
	}

	@GetMapping("/{name}")
	ApplicationView get(@PathVariable String name) {
		return applications.get(name);
	}

	@PutMapping("/{name}")
	@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
	ApplicationView update(@PathVariable String name, @Valid @RequestBody ApplicationRequest.Update request) {
		return applications.update(name, request);
	}

}
