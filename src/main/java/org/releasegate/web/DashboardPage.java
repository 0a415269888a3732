package org.releasegate.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.releasegate.common.WebPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@WebPage
class DashboardPage {

	private static final int MAX_FILTER = 200;

	private final Dashboard dashboard;

	DashboardPage(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String show(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			HtmxRequest htmx, Authentication authentication, Model model) {
		String filter = q == null ? "" : q.strip();
		if (filter.length() > MAX_FILTER) {
			filter = filter.substring(0, MAX_FILTER);
		}
		Dashboard.Page page = dashboard.page(filter, after, authentication == null ? null : authentication.getName());
		model.addAttribute("q", filter);
		model.addAttribute("attention", page.attention());
		model.addAttribute("applications", page.applications());
		model.addAttribute("firstPage", after == null || after.isBlank());
		model.addAttribute("firstUrl", url(filter, null));
		model.addAttribute("nextUrl", page.next() == null ? null : url(filter, page.next()));
		return Htmx.view(htmx, "dashboard", "applications");
	}

	private static String url(String filter, String after) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/");
		if (!filter.isEmpty()) {
			url.queryParam("q", filter);
		}
		if (after != null) {
			url.queryParam("after", after);
		}
		return url.encode().toUriString();
	}

}
