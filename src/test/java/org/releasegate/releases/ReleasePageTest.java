package org.releasegate.releases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.releasegate.common.ConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(ReleasePage.class)
@WithMockUser(username = "pat", roles = "PRODUCT_OWNER")
class ReleasePageTest {

	static final UUID ID = UUID.randomUUID();

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ReleaseService releases;

	@MockitoBean
	ReleaseExecution execution;

	@MockitoBean
	ReleaseProgress progress;

	@Test
	void showsTheDecisionFormOnlyToThoseAllowed() {
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(release(ReleaseStatus.REQUESTED), false));
		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(true, false, false, false));
		assertThat(mvc.get().uri("/releases/{id}", ID)).hasStatusOk()
			.bodyText()
			.contains("<html", "id=\"decision\"", "value=\"APPROVE\"", "https://tickets.example.com/REL-7",
					"data-status=\"REQUESTED\"", "hx-trigger=\"every 3s");

		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(false, false, false, false));
		assertThat(mvc.get().uri("/releases/{id}/live", ID)).hasStatusOk()
			.bodyText()
			.contains("id=\"live\"")
			.doesNotContain("<html", "id=\"decision\"", "value=\"APPROVE\"");
	}

	@Test
	void readingAReadyReleaseApprovesNothingTheSettlerDoes() {
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(release(ReleaseStatus.REQUESTED), true));
		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(false, false, false, false));
		assertThat(mvc.get().uri("/releases/{id}", ID)).hasStatusOk();
		assertThat(mvc.get().uri("/releases/{id}/live", ID)).hasStatusOk()
			.bodyText()
			.contains("data-status=\"REQUESTED\"",
					// no trigger filter: htmx evaluates those with eval, which the CSP
					// forbids;
					// releasegate.js skips a poll while someone types or a dialog is open
					"hx-trigger=\"every 3s\"");

		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(release(ReleaseStatus.REJECTED), false));
		assertThat(mvc.get().uri("/releases/{id}/live", ID)).as("a closed release is not polled")
			.hasStatusOk()
			.bodyText()
			.contains("data-status=\"REJECTED\"")
			.doesNotContain("hx-trigger");
		verify(releases, never()).settle(ID);
	}

	@Test
	void anHtmxDecisionAnswersWithTheLivePartAndAFormPostWithARedirect() {
		given(releases.decide(eq(ID), any())).willReturn(release(ReleaseStatus.APPROVED));
		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(false, false, false, false));
		assertThat(mvc.post()
			.uri("/releases/{id}/decision", ID)
			.with(csrf())
			.header("HX-Request", "true")
			.param("decision", "APPROVE")
			.param("comment", "fine")).hasStatusOk()
			.bodyText()
			.contains("Approved.", "id=\"live\"")
			.doesNotContain("<html");
		verify(releases).decide(ID, new ReleaseRequests.Decide(Approval.Decision.APPROVE, "fine"));

		assertThat(mvc.post().uri("/releases/{id}/decision", ID).with(csrf()).param("decision", "APPROVE"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/releases/" + ID);
	}

	@Test
	void refusalsAreShownInlineWithTheirStatus() {
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(release(ReleaseStatus.REQUESTED), false));
		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(true, false, false, false));

		given(releases.decide(eq(ID), any()))
			.willThrow(new DecisionForbidden("the requester cannot approve their own release (four eyes)"));
		assertThat(mvc.post()
			.uri("/releases/{id}/decision", ID)
			.with(csrf())
			.header("HX-Request", "true")
			.param("decision", "APPROVE")).hasStatus(403)
			.hasHeader(ReleasePage.INLINE_ERROR, "true")
			.bodyText()
			.contains("You may not do this: the requester cannot approve their own release (four eyes).")
			.doesNotContain("<html");

		given(releases.decide(eq(ID), any())).willThrow(new InvalidField("comment", "a rejection needs a comment"));
		assertThat(mvc.post().uri("/releases/{id}/decision", ID).with(csrf()).param("decision", "REJECT"))
			.hasStatus(400)
			.bodyText()
			.contains("<html", "id=\"decision-error\"", "A rejection needs a comment.", "aria-invalid=\"true\"");

		given(releases.decide(eq(ID), any())).willThrow(new ConflictException("pat has already approved this release"));
		assertThat(mvc.post()
			.uri("/releases/{id}/decision", ID)
			.with(csrf())
			.header("HX-Request", "true")
			.param("decision", "APPROVE")).hasStatus(409)
			.bodyText()
			.contains("This changed meanwhile: pat has already approved this release.");
	}

	@Test
	void aTooLongCommentIsRefusedBeforeTheService() {
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(release(ReleaseStatus.REQUESTED), false));
		given(releases.allowed(any())).willReturn(new ReleaseService.Allowed(true, false, false, false));
		assertThat(mvc.post()
			.uri("/releases/{id}/decision", ID)
			.with(csrf())
			.param("decision", "APPROVE")
			.param("comment", "x".repeat(2001))).hasStatus(400).bodyText().contains("At most 2000 characters.");
	}

	static ReleaseView release(ReleaseStatus status) {
		Instant at = Instant.parse("2026-11-29T06:00:00Z");
		List<ChecklistItem> checklist = List.of(
				new ChecklistItem("soak", "Soak", ChecklistItem.Status.PASSED, "running 12 min", at, "system"),
				new ChecklistItem("product-ready", "Product ready",
						status == ReleaseStatus.APPROVED ? ChecklistItem.Status.PASSED : ChecklistItem.Status.PENDING,
						"0 of 1 approvals", at, "system"));
		return new ReleaseView(ID, "checkout", "production", status, "2.4.0", UUID.randomUUID(), "2.5.0",
				UUID.randomUUID(), new ReleaseView.StrategyView(Strategy.Type.ALL_AT_ONCE, List.of()), null, null, null,
				"erin", "Saved baskets", "https://tickets.example.com/REL-7", "erin", at, at, 1, List.of(), List.of(),
				checklist, false, null, null, null, false, null, null, 1, List.of(), 0);
	}

}
