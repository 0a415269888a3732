package org.releasegate.deployments;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.releasegate.common.Slice;
import org.releasegate.common.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Every deployment, newest first, filtered by application and environment. */
@Controller
@WebPage
class DeploymentPages {

	static final int PAGE_SIZE = 25;

	private final DeploymentService deployments;

	DeploymentPages(DeploymentService deployments) {
		this.deployments = deployments;
	}

	@GetMapping("/deployments")
	String list(@RequestParam(required = false) String application, @RequestParam(required = false) String environment,
			@RequestParam(required = false) String cursor, HtmxRequest htmx, Model model) {
		String app = blankToNull(application);
		String env = blankToNull(environment);
		Slice<DeploymentView> page = deployments.list(app, env, cursor, PAGE_SIZE);
		model.addAttribute("appFilter", app == null ? "" : app);
		model.addAttribute("envFilter", env == null ? "" : env);
		model.addAttribute("deployments", page.items());
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		model.addAttribute("newestUrl", url(app, env, null));
		model.addAttribute("nextUrl", page.nextCursor() == null ? null : url(app, env, page.nextCursor()));
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "deployments/list :: results" : "deployments/list";
	}

	private static String url(String application, String environment, String cursor) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/deployments");
		if (application != null) {
			url.queryParam("application", application);
		}
		if (environment != null) {
			url.queryParam("environment", environment);
		}
		if (cursor != null) {
			url.queryParam("cursor", cursor);
		}
		return url.encode().build().toUriString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
