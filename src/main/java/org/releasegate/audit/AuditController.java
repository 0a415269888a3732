package org.releasegate.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.releasegate.common.Cursor;
import org.releasegate.common.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only history of every change")
@PreAuthorize("hasAnyRole('AUDITOR', 'RELEASE_MANAGER', 'ADMIN')")
class AuditController {

	private final AuditHistory history;

	private final AuditVerifier verifier;

	private final AuditExport export;

	AuditController(AuditHistory history, AuditVerifier verifier, AuditExport export) {
		this.history = history;
		this.verifier = verifier;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "Audit events, newest first",
			description = "Every filter is optional; from is inclusive, to exclusive (ISO-8601 instants). "
					+ "Pass nextCursor as cursor for the next page.")
	Slice<AuditEventView> list(@RequestParam(required = false) String application,
			@RequestParam(required = false) String environment, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		AuditQuery query = new AuditQuery(application, environment, actor, action, subjectType, subjectId, from, to);
		return history.find(query, cursor, Cursor.limit(limit));
	}

	@GetMapping("/verify")
	@Operation(summary = "Verify the hash chain",
			description = "Recomputes every link from the stored events; names the first event that no longer "
					+ "matches, and counts the events not sealed yet.")
	ChainVerification verify() {
		return verifier.verify();
	}

	@GetMapping("/export")
	@Operation(summary = "Export audit events, oldest first, as CSV or JSON Lines (streamed)")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String application, @RequestParam(required = false) String environment,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		AuditQuery query = new AuditQuery(application, environment, actor, action, subjectType, subjectId, from, to);
		return ExportResponse.of(export, query, AuditExport.Format.of(format));
	}

}
