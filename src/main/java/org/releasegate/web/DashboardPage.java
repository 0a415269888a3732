package org.releasegate.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.releasegate.common.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@WebPage
class DashboardPage {

	private final Dashboard dashboard;

	DashboardPage(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String show(@RequestParam(required = false) String q, HtmxRequest htmx, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("applications", dashboard.applications(q));
		return Htmx.view(htmx, "dashboard", "applications");
	}

}
