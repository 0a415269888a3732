package org.releasegate.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.releasegate.common.Slice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(AuditPage.class)
@WithMockUser(roles = "AUDITOR")
class AuditPageTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AuditHistory history;

	@Test
	void filtersTheHistoryAndLinksTheExportOfExactlyThat() {
		AuditQuery query = new AuditQuery("checkout", "production", null, null, null, null,
				Instant.parse("2026-11-29T06:00:00Z"), null);
		given(history.find(query, null, AuditPage.PAGE_SIZE)).willReturn(new Slice<>(List.of(event()), "next-page"));
		assertThat(mvc.get()
			.uri("/audit")
			.param("application", "checkout")
			.param("environment", "production")
			.param("actor", "")
			.param("from", "2026-11-29T06:00")).hasStatusOk()
			.bodyText()
			.contains("<html", "deployment.recorded",
					"/audit/export?application=checkout&amp;environment=production&amp;from=2026-11-29T06:00&amp;format=csv",
					"format=jsonl", "cursor=next-page");
	}

	@Test
	void answersHtmxWithTheResultsOnly() {
		given(history.find(any(), isNull(), anyInt())).willReturn(new Slice<>(List.of(event()), null));
		assertThat(mvc.get().uri("/audit").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("id=\"results\"", "deployment.recorded")
			.doesNotContain("<html", "Older entries");
	}

	@Test
	void aTimeRangeTheWrongWayRoundIsAnInlineErrorAndQueriesNothing() {
		assertThat(mvc.get().uri("/audit").param("from", "2026-11-29T06:00").param("to", "2026-11-28T06:00"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"to-error\"", "must not be before", "aria-invalid=\"true\"");
		verifyNoInteractions(history);
	}

	private static AuditEventView event() {
		return new AuditEventView(7, Instant.parse("2026-11-29T06:01:00Z"), "alice", "USER", "deployment.recorded",
				"deployment", "42", "checkout", "production", null, null);
	}

}
