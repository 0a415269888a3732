package org.releasegate.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.Slice;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.common.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One application: its environments with their splits, its deployments (newest first),
 * with the latest releases, the release policy and the router binding's state per
 * environment.
 */
@Controller
@WebPage
class ApplicationPage {

	static final int PAGE_SIZE = 20;

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	static final int RELEASES_SHOWN = 20;

	private final Dashboard dashboard;

	private final ReleaseCatalog releases;

	ApplicationPage(ApplicationCatalog applications, DeploymentCatalog deployments, Dashboard dashboard,
			ReleaseCatalog releases) {
		this.applications = applications;
		this.deployments = deployments;
		this.dashboard = dashboard;
		this.releases = releases;
	}

	@GetMapping("/applications/{name}")
	String show(@PathVariable String name, @RequestParam(required = false) String cursor, HtmxRequest htmx,
			Model model) {
		ApplicationSummary application = applications.find(name)
			.orElseThrow(() -> new NotFoundException("There is no application called '" + name + "'."));
		Slice<DeploymentSummary> page = deployments.history(name, null, cursor, PAGE_SIZE);
		model.addAttribute("app", application);
		var environments = dashboard.environments(name);
		model.addAttribute("environments", environments);
		if (!htmx.isHtmxRequest() || htmx.isHistoryRestoreRequest()) {
			model.addAttribute("releases", releases.history(name, RELEASES_SHOWN));
			model.addAttribute("policies",
					releases.policies(name, environments.stream().map(Dashboard.EnvironmentStatus::name).toList()));
		}
		model.addAttribute("deployments", page.items());
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		model.addAttribute("newestUrl", "/applications/" + name);
		model.addAttribute("nextUrl",
				page.nextCursor() == null ? null
						: UriComponentsBuilder.fromPath("/applications/{name}")
							.queryParam("cursor", page.nextCursor())
							.buildAndExpand(name)
							.encode()
							.toUriString());
		return Htmx.view(htmx, "applications/detail", "deployments");
	}

}
