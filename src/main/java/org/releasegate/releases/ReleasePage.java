package org.releasegate.releases;

import java.util.Map;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.ConflictException;
import org.releasegate.common.WebPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The release page: what changes, the checklist, the approvals, a running release's
 * progress, and the decisions the caller may take. Decisions go through
 * {@link ReleaseService} and {@link ReleaseExecution}, which enforce who may take them
 * whatever the page showed. htmx posts get the live part back; plain form posts a
 * redirect to the page.
 */
@Controller
@WebPage
class ReleasePage {

	/** Set on a refused htmx post whose fragment carries the inline error to show. */
	static final String INLINE_ERROR = "X-Inline-Error";

	static final Map<String, String> TONES = Map.ofEntries(Map.entry("REQUESTED", "info"), Map.entry("APPROVED", "ok"),
			Map.entry("REJECTED", "danger"), Map.entry("CANCELLED", "muted"), Map.entry("IN_PROGRESS", "info"),
			Map.entry("PAUSED", "warn"), Map.entry("COMPLETED", "ok"), Map.entry("ROLLING_BACK", "warn"),
			Map.entry("ROLLED_BACK", "danger"), Map.entry("PENDING", "muted"), Map.entry("PASSED", "ok"),
			Map.entry("FAILED", "danger"), Map.entry("WAIVED", "warn"), Map.entry("APPROVE", "ok"),
			Map.entry("REJECT", "danger"));

	private static final int MAX_COMMENT = 2000;

	private static final String STEERS = "hasAnyRole('ENGINEER', 'PRODUCT_OWNER', 'RELEASE_MANAGER')";

	private final ReleaseService releases;

	private final ReleaseExecution execution;

	private final ReleaseProgress progress;

	ReleasePage(ReleaseService releases, ReleaseExecution execution, ReleaseProgress progress) {
		this.releases = releases;
		this.execution = execution;
		this.progress = progress;
	}

	@GetMapping("/releases/{id}")
	String show(@PathVariable UUID id, HtmxRequest htmx, Model model) {
		populate(model, read(id));
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "releases/detail :: live" : "releases/detail";
	}

	/** The part that changes, polled by the page. */
	@GetMapping("/releases/{id}/live")
	String live(@PathVariable UUID id, Model model) {
		populate(model, read(id));
		return "releases/detail :: live";
	}

	@PostMapping("/releases/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam Approval.Decision decision,
			@RequestParam(required = false) String comment, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		ReleaseView view = releases.decide(id, new ReleaseRequests.Decide(decision, limited(comment)));
		return done(view, decision == Approval.Decision.APPROVE ? "Approved." : "Rejected.", htmx, model, flash);
	}

	@PostMapping("/releases/{id}/checklist/{key}")
	String mark(@PathVariable UUID id, @PathVariable String key, @RequestParam ReleaseRequests.Mark.Action action,
			@RequestParam(required = false) String comment, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		ReleaseView view = releases.mark(id, key, new ReleaseRequests.Mark(action, limited(comment)));
		return done(view, action == ReleaseRequests.Mark.Action.ATTEST ? "Attested." : "Waived.", htmx, model, flash);
	}

	@PostMapping("/releases/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, HtmxRequest htmx, Model model,
			RedirectAttributes flash) {
		ReleaseView view = releases.cancel(id, limited(reason));
		return done(view, "Cancelled.", htmx, model, flash);
	}

	// steering a running release: the same roles as the REST API, checked again by
	// ReleaseExecution where it depends on the release (a step that needs a product
	// owner)

	@PostMapping("/releases/{id}/promote")
	@PreAuthorize(STEERS)
	String promote(@PathVariable UUID id, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		execution.promote(id);
		ReleaseView view = releases.get(id).view();
		String message = view.status() == ReleaseStatus.COMPLETED ? "Promoted: the release is complete."
				: "Promoted to step " + (view.currentStep() + 1) + ".";
		return done(view, message, htmx, model, flash);
	}

	@PostMapping("/releases/{id}/pause")
	@PreAuthorize(STEERS)
	String pause(@PathVariable UUID id, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		execution.pause(id);
		return done(releases.get(id).view(), "Paused: traffic stays where it is.", htmx, model, flash);
	}

	@PostMapping("/releases/{id}/resume")
	@PreAuthorize(STEERS)
	String resume(@PathVariable UUID id, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		execution.resume(id);
		return done(releases.get(id).view(), "Resumed.", htmx, model, flash);
	}

	@PostMapping("/releases/{id}/rollback")
	@PreAuthorize(STEERS)
	String rollBack(@PathVariable UUID id, @RequestParam(required = false) String reason, HtmxRequest htmx, Model model,
			RedirectAttributes flash) {
		String why = limited("reason", reason);
		if (why == null || why.isBlank()) {
			throw new InvalidField("reason", "say why you roll back");
		}
		execution.rollBack(id, why.strip());
		ReleaseView view = releases.get(id).view();
		return done(view, "Rolled back: all traffic goes to " + view.stableVersion() + ".", htmx, model, flash);
	}

	@ExceptionHandler({ DecisionForbidden.class, AccessDeniedException.class })
	ModelAndView forbidden(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		String why = ex instanceof DecisionForbidden ? ex.getMessage() : "your role does not allow it";
		return refused(HttpStatus.FORBIDDEN, "You may not do this: " + why + ".", null, request, response);
	}

	@ExceptionHandler(InvalidField.class)
	ModelAndView invalid(InvalidField ex, HttpServletRequest request, HttpServletResponse response) {
		return refused(HttpStatus.BAD_REQUEST, capitalised(ex.reason()) + ".", ex.field(), request, response);
	}

	@ExceptionHandler({ ConflictException.class, IllegalStateException.class })
	ModelAndView conflict(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		return refused(HttpStatus.CONFLICT,
				"This changed meanwhile: " + ex.getMessage() + ". Here is the current state.", null, request, response);
	}

	/**
	 * The page (or its live part for htmx) as it is now, with the error beside the form
	 * that was sent: {@code form} says which (decision, cancel or a checklist key).
	 */
	private ModelAndView refused(HttpStatus status, String message, String field, HttpServletRequest request,
			HttpServletResponse response) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		UUID id = UUID.fromString(variables.get("id"));
		String uri = request.getRequestURI();
		String form = variables.containsKey("key") ? variables.get("key") : uri.substring(uri.lastIndexOf('/') + 1);
		ModelAndView page = new ModelAndView();
		populate(page.getModelMap(), releases.get(id).view());
		page.addObject("error", new InlineError(form, field, message));
		page.setStatus(status);
		boolean htmx = request.getHeader("HX-Request") != null;
		if (htmx) {
			response.setHeader(INLINE_ERROR, "true");
		}
		page.setViewName(htmx ? "releases/detail :: live" : "releases/detail");
		return page;
	}

	/**
	 * An error to show beside the form it belongs to (decision, cancel, rollback, ... or
	 * a checklist key), naming the field if one.
	 */
	record InlineError(String form, String field, String message) {
	}

	private String done(ReleaseView view, String message, HtmxRequest htmx, Model model, RedirectAttributes flash) {
		if (htmx.isHtmxRequest()) {
			populate(model, view);
			model.addAttribute("flash", message);
			return "releases/detail :: live";
		}
		flash.addFlashAttribute("flash", message);
		return "redirect:/releases/" + view.id();
	}

	/** A read changes nothing: the settler approves a release that became ready. */
	private ReleaseView read(UUID id) {
		return releases.get(id).view();
	}

	private void populate(Model model, ReleaseView view) {
		populate(model.asMap(), view);
	}

	private void populate(Map<String, Object> model, ReleaseView view) {
		model.put("release", view);
		model.put("allowed", releases.allowed(view));
		model.put("progress", progress.of(view));
		model.put("tones", TONES);
	}

	private static String limited(String text) {
		return limited("comment", text);
	}

	private static String limited(String field, String text) {
		if (text != null && text.length() > MAX_COMMENT) {
			throw new InvalidField(field, "at most " + MAX_COMMENT + " characters");
		}
		return text;
	}

	private static String capitalised(String text) {
		return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
