package org.releasegate.audit;

import java.time.Instant;

import org.releasegate.common.WebPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The export as a download link for signed-in browser sessions (the audit page). */
@Controller
@WebPage
class AuditExportPage {

	private final AuditExport export;

	AuditExportPage(AuditExport export) {
		this.export = export;
	}

	@GetMapping("/audit/export")
	@PreAuthorize("hasAnyRole('AUDITOR', 'RELEASE_MANAGER', 'ADMIN')")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
			@RequestParam(required = false) String application, @RequestParam(required = false) String environment,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		AuditQuery query = new AuditQuery(application, environment, actor, action, subjectType, subjectId, from, to);
		return ExportResponse.of(export, query, AuditExport.Format.of(format));
	}

}
