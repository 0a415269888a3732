package org.releasegate.audit;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** An export as a download that is written while it is sent. */
final class ExportResponse {

	private ExportResponse() {
	}

	static ResponseEntity<StreamingResponseBody> of(AuditExport export, AuditQuery query, AuditExport.Format format) {
		String filename = "audit-events." + format.extension();
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out -> export.write(query, format, out));
	}

}
