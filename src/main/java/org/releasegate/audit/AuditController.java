package org.releasegate.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.releasegate.common.Cursor;
import org.releasegate.common.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only history of every change")
@PreAuthorize("hasAnyRole('AUDITOR', 'RELEASE_MANAGER', 'ADMIN')")
class AuditController {

	private final AuditHistory history;

	AuditController(AuditHistory history) {
		this.history = history;
	}

	@GetMapping
	Slice<AuditEventView> list(@RequestParam(required = false) String application,
			@RequestParam(required = false) String environment, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		AuditQuery query = new AuditQuery(application, environment, actor, action, subjectType, subjectId, from, to);
		return history.find(query, cursor, Cursor.limit(limit));
	}

}
