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
import org.releasegate.traffic.TrafficOverview;
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
@WithMockUser(username = "user", roles = "ENGINEER")
class DashboardPageTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Dashboard dashboard;

	@Test
	void rendersTheWholePageWithEachSplit() {
		given(dashboard.page("chec", null, "user")).willReturn(page(List.of(checkout()), null));
		assertThat(mvc.get().uri("/").param("q", "chec")).hasStatusOk()
			.bodyText()
			.contains("<html", "Dashboard", "value=\"chec\"", "data-application=\"checkout\"",
					"aria-label=\"Traffic: 1.0.0 90%, 1.1.0 10%\"", "width:90%", "width:10%");
	}

	@Test
	void answersHtmxWithTheListFragmentOnly() {
		given(dashboard.page("chec", null, "user")).willReturn(page(List.of(checkout()), null));
		assertThat(mvc.get().uri("/").param("q", "chec").header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("id=\"applications\"", "data-application=\"checkout\"")
			.doesNotContain("<html", "<nav");
	}

	@Test
	void saysWhenNothingMatches() {
		given(dashboard.page("zzz", null, "user")).willReturn(page(List.of(), null));
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
				new EnvironmentStatus("checkout", "production", running, Split.of(running),
						new ReleaseCatalog.OpenRelease(release, "checkout", "production", ReleaseStatus.IN_PROGRESS,
								"1.1.0", 1, 4, 25),
						new BindingState("haproxy", true, false, at, at, null, null)),
				new EnvironmentStatus("checkout", "staging", running, Split.of(running), null,
						new BindingState("haproxy", false, false, at, at, null, at)),
				new EnvironmentStatus("checkout", "qa", running, Split.of(running), null, null)));
		given(dashboard.page("", null, "user")).willReturn(page(List.of(checkout), null));
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("href=\"/releases/" + release + "\"", "data-status=\"IN_PROGRESS\"", ">in progress<",
					"Release of 1.1.0", "step 2 of 4, 25%", "data-sync=\"IN_SYNC\"", "data-sync=\"DRIFTED\"",
					"class=\"badge warn\">drift<",
					"the load balancer differs from the desired split since 2026-11-29 06:00 UTC", "data-sync=\"NONE\"",
					"no router binding")
			.doesNotContain("the load balancer serves the desired split");
	}

	@Test
	void showsWhatNeedsTheReaderFirst() {
		UUID awaiting = UUID.randomUUID();
		UUID running = UUID.randomUUID();
		Instant at = Instant.parse("2026-11-29T06:00:00Z");
		Dashboard.Attention attention = new Dashboard.Attention(
				List.of(new ReleaseCatalog.OpenRelease(awaiting, "payments", "production", ReleaseStatus.REQUESTED,
						"3.1.0", null, 1, null)),
				List.of(new ReleaseCatalog.OpenRelease(running, "checkout", "production", ReleaseStatus.IN_PROGRESS,
						"1.1.0", 1, 4, 25)),
				List.of(new TrafficOverview.EnvironmentTraffic("search", "staging",
						new BindingState("haproxy", false, false, at, at, null, at), null, List.of())));
		given(dashboard.page("", null, "user")).willReturn(new Dashboard.Page(attention, List.of(checkout()), null));
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("Needs your attention", "Waiting for your decision", "href=\"/releases/" + awaiting + "\"",
					"payments 3.1.0 to production", "Releases running", "checkout 1.1.0 in production", "25% of users",
					"Load balancers to look at", "search in staging", "class=\"badge warn\">drift<");
	}

	@Test
	void pagesThroughApplicationsKeepingTheFilter() {
		given(dashboard.page("chec", null, "user")).willReturn(page(List.of(checkout()), "checkout"));
		assertThat(mvc.get().uri("/").param("q", "chec")).hasStatusOk()
			.bodyText()
			.contains("href=\"/?q=chec&amp;after=checkout\"", "More applications")
			.doesNotContain("First applications", "Needs your attention");
		given(dashboard.page("chec", "checkout", "user")).willReturn(page(List.of(checkout()), null));
		assertThat(mvc.get().uri("/").param("q", "chec").param("after", "checkout")).hasStatusOk()
			.bodyText()
			.contains("href=\"/?q=chec\"", "First applications")
			.doesNotContain("More applications");
	}

	private static Dashboard.Page page(List<ApplicationStatus> applications, String next) {
		return new Dashboard.Page(new Dashboard.Attention(List.of(), List.of(), List.of()), applications, next);
	}

	private static ApplicationStatus checkout() {
		List<DeploymentSummary> running = List.of(deployment("1.1.0", 10), deployment("1.0.0", 90));
		return new ApplicationStatus("checkout", "Checkout", Set.of("alice"),
				List.of(new EnvironmentStatus("checkout", "production", running, Split.of(running), null, null)));
	}

	private static DeploymentSummary deployment(String version, int percent) {
		return new DeploymentSummary(UUID.randomUUID(), "checkout", "production", version, "be/" + version,
				DeploymentState.RUNNING, DeploymentHealth.HEALTHY, null, null, percent,
				Instant.parse("2026-11-29T06:00:00Z"));
	}

}
