package org.releasegate.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.releasegate.deployments.DeploymentHealth;
import org.releasegate.deployments.DeploymentState;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.releases.ReleaseCatalog;
import org.releasegate.releases.ReleaseStatus;
import org.releasegate.traffic.TrafficControl.BindingState;
import org.releasegate.web.Dashboard.ApplicationStatus;
import org.releasegate.web.Dashboard.EnvironmentStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(DashboardPage.class)
@WithMockUser(roles = "ENGINEER")
class DashboardPageTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Dashboard dashboard;

	@Test
	void rendersTheWholePageWithEachSplit() {
		given(dashboard.applications("chec")).willReturn(List.of(checkout()));
		assertThat(mvc.get().uri("/").param("q", "chec")).hasStatusOk()
			.bodyText()
			.contains("<html", "Dashboard", "value=\"chec\"", "data-application=\"checkout\"",
					"aria-label=\"Traffic: 1.0.0 90%, 1.1.0 10%\"", "width:90%", "width:10%");
	}

	@Test
	void answersHtmxWithTheListFragmentOnly() {
		given(dashboard.applications("chec")).willReturn(List.of(checkout()));
		assertThat(mvc.get().uri("/").param("q", "chec").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("id=\"applications\"", "data-application=\"checkout\"")
			.doesNotContain("<html", "<nav");
	}

	@Test
	void saysWhenNothingMatches() {
		given(dashboard.applications("zzz")).willReturn(List.of());
		assertThat(mvc.get().uri("/").param("q", "zzz").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("No application matches “zzz”.");
	}

	@Test
	void showsTheOpenReleaseAndWhetherTheLoadBalancerServesTheSplit() {
		UUID release = UUID.randomUUID();
		List<DeploymentSummary> running = List.of(deployment("1.1.0", 25), deployment("1.0.0", 75));
		Instant at = Instant.parse("2026-11-29T06:00:00Z");
		ApplicationStatus checkout = new ApplicationStatus("checkout", "Checkout", Set.of("alice"), List.of(
				new EnvironmentStatus("production", running, Split.of(running),
						new ReleaseCatalog.OpenRelease(release, "checkout", "production", ReleaseStatus.IN_PROGRESS,
								"1.1.0", 1, 4, 25),
						new BindingState("haproxy", true, false, at, at, null, null)),
				new EnvironmentStatus("staging", running, Split.of(running), null,
						new BindingState("haproxy", false, false, at, at, null, at)),
				new EnvironmentStatus("qa", running, Split.of(running), null, null)));
		given(dashboard.applications(null)).willReturn(List.of(checkout));
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("href=\"/releases/" + release + "\"", "data-status=\"IN_PROGRESS\"", ">in progress<",
					"Release of 1.1.0", "step 2 of 4, 25%", "data-sync=\"IN_SYNC\"", "data-sync=\"DRIFTED\"",
					"class=\"badge warn\">drift<",
					"the load balancer differs from the desired split since 2026-11-29 06:00 UTC", "data-sync=\"NONE\"",
					"no router binding")
			.doesNotContain("the load balancer serves the desired split");
	}

	private static ApplicationStatus checkout() {
		List<DeploymentSummary> running = List.of(deployment("1.1.0", 10), deployment("1.0.0", 90));
		return new ApplicationStatus("checkout", "Checkout", Set.of("alice"),
				List.of(new EnvironmentStatus("production", running, Split.of(running), null, null)));
	}

	private static DeploymentSummary deployment(String version, int percent) {
		return new DeploymentSummary(UUID.randomUUID(), "checkout", "production", version, "be/" + version,
				DeploymentState.RUNNING, DeploymentHealth.HEALTHY, null, null, percent,
				Instant.parse("2026-11-29T06:00:00Z"));
	}

}
