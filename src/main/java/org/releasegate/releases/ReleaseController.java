package org.releasegate.releases;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/releases")
@Tag(name = "Releases", description = "Requests to move traffic to a candidate, with checklist and approvals")
class ReleaseController {

	private final ReleaseService releases;

	private final ReleaseExecution execution;

	private final ReleaseRollbacks rollbacks;

	ReleaseController(ReleaseService releases, ReleaseExecution execution, ReleaseRollbacks rollbacks) {
		this.releases = releases;
		this.execution = execution;
		this.rollbacks = rollbacks;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER')")
	@Operation(summary = "Request a release of a running candidate deployment",
			description = "422 when the application or candidate is unknown or not RUNNING, 409 when the "
					+ "application already has an open release in the environment.")
	ResponseEntity<ReleaseView> request(@Valid @RequestBody ReleaseRequests.RequestRelease body) {
		ReleaseView created = releases.request(body);
		return ResponseEntity.created(URI.create("/api/v1/releases/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "Releases, newest first, with keyset paging")
	Slice<ReleaseView.Line> list(@RequestParam(required = false) String application,
			@RequestParam(required = false) String environment, @RequestParam(required = false) ReleaseStatus status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return releases.list(application, environment, status, cursor, Cursor.limit(limit));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A release with its checklist as recorded",
			description = "A read changes nothing and calls no other system: a release becomes APPROVED on the write "
					+ "that completes it or in the background settler.")
	ReleaseView get(@PathVariable UUID id) {
		return releases.get(id).view();
	}

	@PostMapping("/{id}/approvals")
	@PreAuthorize("hasRole('PRODUCT_OWNER')")
	@Operation(summary = "Approve or reject (product owners of the application; never the requester)")
	ReleaseView decide(@PathVariable UUID id, @Valid @RequestBody ReleaseRequests.Decide body) {
		return releases.decide(id, body);
	}

	@PutMapping("/{id}/plan")
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER')")
	@Operation(summary = "Change strategy, schedule or contact while REQUESTED; voids every approval")
	ReleaseView changePlan(@PathVariable UUID id, @Valid @RequestBody ReleaseRequests.ChangePlan body) {
		return releases.changePlan(id, body);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a release that has not started (requester or release manager)")
	ReleaseView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequests.Cancel body) {
		return releases.cancel(id, body == null ? null : body.reason());
	}

	@PostMapping("/{id}/checklist/{key}")
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER')")
	@Operation(summary = "Attest a manual item (ENGINEER) or waive any item but product-ready (RELEASE_MANAGER)")
	ReleaseView mark(@PathVariable UUID id, @PathVariable String key, @Valid @RequestBody ReleaseRequests.Mark body) {
		return releases.mark(id, key, body);
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasAnyRole('ENGINEER', 'RELEASE_MANAGER')")
	@Operation(summary = "Start an APPROVED release now (requester, engineer or release manager)",
			description = "409 when the checklist is not green or the release window is closed; a release manager "
					+ "may override with {override: true, reason}, which is audited.")
	ReleaseView start(@PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequests.Start body) {
		execution.start(id, body != null && Boolean.TRUE.equals(body.override()), body == null ? null : body.reason());
		return releases.get(id).view();
	}

	@PostMapping("/{id}/promote")
	@PreAuthorize("hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER')")
	@Operation(summary = "Move a running canary to its next step now",
			description = "A step marked requiresConfirmation is promoted only by a product owner of the application.")
	ReleaseView promote(@PathVariable UUID id) {
		execution.promote(id);
		return releases.get(id).view();
	}

	@PostMapping("/{id}/pause")
	@PreAuthorize("hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER')")
	@Operation(summary = "Hold a running release at its current step")
	ReleaseView pause(@PathVariable UUID id) {
		execution.pause(id);
		return releases.get(id).view();
	}

	@PostMapping("/{id}/resume")
	@PreAuthorize("hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER')")
	@Operation(summary = "Resume a paused release; the step's pause counts again from now")
	ReleaseView resume(@PathVariable UUID id) {
		execution.resume(id);
		return releases.get(id).view();
	}

	@PostMapping("/{id}/rollback")
	@PreAuthorize("hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER')")
	@Operation(summary = "Send traffic back to the stable deployment, at once or as the plan's gradual rollback",
			description = "Allowed while IN_PROGRESS, PAUSED or COMPLETED, and with mode INSTANT while "
					+ "ROLLING_BACK (ends a gradual rollback now); mode defaults to the plan's rollback mode. "
					+ "409 when the stable deployment no longer runs.")
	ReleaseView rollBack(@PathVariable UUID id, @Valid @RequestBody ReleaseRequests.RollBack body) {
		rollbacks.rollBack(id, body.reason(), body.mode());
		return releases.get(id).view();
	}

}
