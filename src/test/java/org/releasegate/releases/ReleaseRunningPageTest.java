package org.releasegate.releases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.identity.WithApiSecurity;
import org.releasegate.releases.ReleaseProgress.Bar;
import org.releasegate.releases.ReleaseProgress.Point;
import org.releasegate.releases.ReleaseProgress.Progress;
import org.releasegate.releases.ReleaseProgress.Segment;
import org.releasegate.releases.ReleaseProgress.Timeline;
import org.releasegate.traffic.TrafficControl.BindingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The running part of the release page, with the service's real security rules: what it
 * shows, the buttons only for those allowed, and the server refusing everyone else.
 */
@WebMvcTest(ReleasePage.class)
@WithApiSecurity
@WithMockUser(username = "erin", roles = "ENGINEER")
class ReleaseRunningPageTest {

	static final UUID ID = UUID.randomUUID();

	static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ReleaseService releases;

	@MockitoBean
	ReleaseExecution execution;

	@MockitoBean
	ReleaseProgress progress;

	@BeforeEach
	void aCanaryAtItsSecondStep() {
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(running(ReleaseStatus.IN_PROGRESS), false));
		given(progress.of(any())).willReturn(progress(75, 25));
	}

	@Test
	void showsTheStepTheSplitTheTimelineAndTheGate() {
		given(releases.allowed(any())).willReturn(steering(true, true, false, true));
		assertThat(mvc.get().uri("/releases/{id}", ID)).hasStatusOk()
			.bodyText()
			.contains("<html", "uPlot.iife.min-", "Step 2 of 4: 25% to 2.5.0", "since 10:00:00 UTC", "Waiting for",
					"the pause: step 3 (50%) at 10:10:00 UTC, in 4 min", "data-stable=\"75\" data-candidate=\"25\"",
					"aria-label=\"Traffic: 2.4.0 75%, 2.5.0 25%\"", "data-sync=\"IN_SYNC\"",
					"the load balancer serves the desired split (read 10:06:00 UTC)",
					"data-timeline=\"{&quot;t&quot;:[1795946395.000,1795946400.000,1795946700.000,1795946760.000],"
							+ "&quot;stable&quot;:[100,95,75,75],&quot;candidate&quot;:[0,5,25,25]}\"",
					"(before the release)", "release started", "probe answered 200",
					"0 failed in a row; 3 in a row roll the release back", "every 3s");
	}

	@Test
	void offersPromotePauseAndRollbackToThoseAllowed() {
		given(releases.allowed(any())).willReturn(steering(true, true, false, true));
		assertThat(mvc.get().uri("/releases/{id}/live", ID)).hasStatusOk()
			.bodyText()
			.contains("id=\"live\"", "id=\"running\"", "id=\"promote\"", "Promote to 50%", "id=\"pause\"",
					"id=\"rollback-open\"", "Roll back to 2.4.0", "<dialog id=\"rollback-dialog\"",
					"<textarea id=\"rollback-reason\" name=\"reason\"", "required",
					"hx-post=\"/releases/" + ID + "/rollback\"", "name=\"_csrf\"")
			.doesNotContain("<html", "id=\"resume\"");

		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(running(ReleaseStatus.PAUSED), false));
		given(releases.allowed(any())).willReturn(steering(false, false, true, true));
		assertThat(mvc.get().uri("/releases/{id}/live", ID)).hasStatusOk()
			.bodyText()
			.contains("id=\"resume\"", "held at step 2 until someone resumes it")
			.doesNotContain("id=\"promote\"", "id=\"pause\"");
	}

	@Test
	@WithMockUser(username = "audrey", roles = "AUDITOR")
	void showsNoButtonsToThoseNotAllowed() {
		given(releases.allowed(any())).willReturn(steering(false, false, false, false));
		assertThat(mvc.get().uri("/releases/{id}", ID)).hasStatusOk()
			.bodyText()
			.contains("Step 2 of 4: 25% to 2.5.0", "data-timeline=")
			.doesNotContain("id=\"promote\"", "id=\"pause\"", "id=\"resume\"", "id=\"rollback-open\"",
					"rollback-dialog");
	}

	@Test
	@WithMockUser(username = "audrey", roles = "AUDITOR")
	void aForgedPostOfSomeoneNotAllowedIsRefused() {
		given(releases.allowed(any())).willReturn(steering(false, false, false, false));
		for (String action : List.of("promote", "pause", "resume", "rollback")) {
			assertThat(mvc.post()
				.uri("/releases/{id}/" + action, ID)
				.with(csrf())
				.header("HX-Request", "true")
				.param("reason", "I think so")).as(action)
				.hasStatus(403)
				.hasHeader(ReleasePage.INLINE_ERROR, "true")
				.bodyText()
				.contains("You may not do this: your role does not allow it.", "id=\"live\"");
		}
		verifyNoInteractions(execution);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/releases/{id}/rollback", ID).param("reason", "errors")).hasStatus(403);
		verifyNoInteractions(execution);
	}

	@Test
	void anEngineerRollsBackWithAReasonAndGetsTheLivePart() {
		given(releases.allowed(any())).willReturn(steering(false, false, false, false));
		given(releases.get(ID)).willReturn(new ReleaseService.Evaluated(running(ReleaseStatus.ROLLED_BACK), false));
		given(progress.of(any())).willReturn(progress(100, 0));
		assertThat(mvc.post()
			.uri("/releases/{id}/rollback", ID)
			.with(csrf())
			.header("HX-Request", "true")
			.param("reason", "  checkout errors  ")).hasStatusOk()
			.bodyText()
			.contains("Rolled back: all traffic goes to 2.4.0.", "data-status=\"ROLLED_BACK\"",
					"data-stable=\"100\" data-candidate=\"0\"", "Traffic during the release")
			.doesNotContain("<html", "every 3s");
		verify(execution).rollBack(ID, "checkout errors");

		assertThat(mvc.post().uri("/releases/{id}/rollback", ID).with(csrf()).param("reason", "errors"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/releases/" + ID);
	}

	@Test
	void aRollbackWithoutReasonIsExplainedInTheDialogWhichOpensAgain() {
		given(releases.allowed(any())).willReturn(steering(true, true, false, true));
		assertThat(mvc.post()
			.uri("/releases/{id}/rollback", ID)
			.with(csrf())
			.header("HX-Request", "true")
			.param("reason", " ")).hasStatus(400)
			.bodyText()
			.contains("data-show=\"true\"", "id=\"rollback-error\"", "Say why you roll back.", "aria-invalid=\"true\"");
		verifyNoInteractions(execution);
	}

	@Test
	void promotePauseAndResumeGoToTheExecution() {
		given(releases.allowed(any())).willReturn(steering(true, true, false, true));
		assertThat(mvc.post().uri("/releases/{id}/promote", ID).with(csrf()).header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("Promoted to step 2.");
		assertThat(mvc.post().uri("/releases/{id}/pause", ID).with(csrf()).header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("Paused: traffic stays where it is.");
		assertThat(mvc.post().uri("/releases/{id}/resume", ID).with(csrf()).header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("Resumed.");
		verify(execution).promote(ID);
		verify(execution).pause(ID);
		verify(execution).resume(ID);
	}

	@Test
	void aStepThatNeedsAProductOwnerIsRefusedInPlace() {
		given(releases.allowed(any())).willReturn(steering(true, true, false, true));
		willThrow(new DecisionForbidden("step 3 (50%) needs the confirmation of a product owner of checkout"))
			.given(execution)
			.promote(ID);
		assertThat(mvc.post().uri("/releases/{id}/promote", ID).with(csrf()).header("HX-Request", "true"))
			.hasStatus(403)
			.bodyText()
			.contains("You may not do this: step 3 (50%) needs the confirmation of a product owner of checkout.");
	}

	private static ReleaseService.Allowed steering(boolean promote, boolean pause, boolean resume, boolean rollBack) {
		return new ReleaseService.Allowed(false, false, false, false, promote, pause, resume, rollBack);
	}

	static Progress progress(int stable, int candidate) {
		Timeline timeline = new Timeline(AT.minusSeconds(5), AT.plusSeconds(360),
				List.of(new Point(AT.minusSeconds(600), 100, 0, "maria", "1.0.0 is stable", true),
						new Point(AT, 95, 5, "erin", "release started", false),
						new Point(AT.plusSeconds(300), 75, 25, "system", "step 1", false)));
		List<Segment> segments = new java.util.ArrayList<>();
		if (stable > 0) {
			segments.add(new Segment("2.4.0", stable, "stable"));
		}
		if (candidate > 0) {
			segments.add(new Segment("2.5.0", candidate, "candidate"));
		}
		return new Progress(2, 4, 25, AT, "the pause: step 3 (50%) at 10:10:00 UTC, in 4 min", AT.plusSeconds(600),
				stable, candidate, new Bar(segments),
				new BindingState("haproxy", true, false, AT.plusSeconds(360), AT.plusSeconds(300), null, null),
				timeline, 3, "Guarded by the candidate's reported health; 3 failures in a row roll it back.");
	}

	static ReleaseView running(ReleaseStatus status) {
		ReleaseView.StrategyView canary = new ReleaseView.StrategyView(Strategy.Type.CANARY,
				List.of(new ReleaseView.StepView(5, "PT5M", false), new ReleaseView.StepView(25, "PT10M", false),
						new ReleaseView.StepView(50, "PT10M", false), new ReleaseView.StepView(100, "PT0S", false)));
		boolean rolledBack = status == ReleaseStatus.ROLLED_BACK;
		return new ReleaseView(ID, "checkout", "production", status, "2.4.0", UUID.randomUUID(), "2.5.0",
				UUID.randomUUID(), canary, 1, AT, null, "erin", "Saved baskets", null, "erin", AT, AT, 1, List.of(),
				List.of(), List.of(), true, rolledBack ? "erin" : "paula", AT, rolledBack ? "checkout errors" : null,
				false, AT, rolledBack ? AT.plusSeconds(400) : null, 0,
				List.of(new GateResults.GateResult(1, AT.plusSeconds(310), true, "probe answered 200")), 4);
	}

}
