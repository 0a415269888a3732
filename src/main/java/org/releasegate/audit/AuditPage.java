package org.releasegate.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.releasegate.common.Slice;
import org.releasegate.common.WebPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit history for auditors and managers: filters, keyset paging, and links to the
 * export of exactly what is filtered.
 */
@Controller
@WebPage
@PreAuthorize("hasAnyRole('AUDITOR', 'RELEASE_MANAGER', 'ADMIN')")
class AuditPage {

	static final int PAGE_SIZE = 50;

	private final AuditHistory history;

	AuditPage(AuditHistory history) {
		this.history = history;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, HtmxRequest htmx, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant from = instant(filter.from(), "from", errors);
		Instant to = instant(filter.to(), "to", errors);
		if (from != null && to != null && from.isAfter(to)) {
			errors.put("to", "must not be before 'from'");
		}
		Slice<AuditEventView> page = errors.isEmpty() ? history.find(new AuditQuery(blank(filter.application()),
				blank(filter.environment()), blank(filter.actor()), blank(filter.action()), null, null, from, to),
				filter.cursor(), PAGE_SIZE) : new Slice<>(List.of(), null);
		model.addAttribute("errors", errors);
		model.addAttribute("events", page.items());
		model.addAttribute("firstPage", blank(filter.cursor()) == null);
		model.addAttribute("newestUrl", filter.url("/audit", null).toUriString());
		model.addAttribute("nextUrl",
				page.nextCursor() == null ? null : filter.url("/audit", page.nextCursor()).toUriString());
		model.addAttribute("csvUrl", filter.url("/audit/export", null).queryParam("format", "csv").toUriString());
		model.addAttribute("jsonlUrl", filter.url("/audit/export", null).queryParam("format", "jsonl").toUriString());
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "audit/list :: results" : "audit/list";
	}

	/** A time from a {@code datetime-local} input, read as UTC. */
	private static Instant instant(String text, String field, Map<String, String> errors) {
		if (blank(text) == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "use the form 2026-11-29T06:30");
			return null;
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The filters as the form sends them; times are UTC, as {@code datetime-local}. */
	record AuditFilter(String application, String environment, String actor, String action, String from, String to,
			String cursor) {

		UriComponentsBuilder url(String path, String cursor) {
			UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
			add(url, "application", application);
			add(url, "environment", environment);
			add(url, "actor", actor);
			add(url, "action", action);
			add(url, "from", from);
			add(url, "to", to);
			add(url, "cursor", cursor);
			return url.encode();
		}

		private static void add(UriComponentsBuilder url, String name, String value) {
			if (blank(value) != null) {
				url.queryParam(name, value.strip());
			}
		}

	}

}
