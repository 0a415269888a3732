package org.releasegate.deployments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.releasegate.common.Slice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(DeploymentPages.class)
@WithMockUser(roles = "ENGINEER")
class DeploymentPagesTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeploymentService deployments;

	@Test
	void filtersAndOffersTheNextPageWithTheSameFilters() {
		given(deployments.list("checkout", null, null, DeploymentPages.PAGE_SIZE))
			.willReturn(new Slice<>(List.of(deployment()), "c2"));
		assertThat(mvc.get().uri("/deployments").param("application", " checkout ").param("environment", ""))
			.hasStatusOk()
			.bodyText()
			.contains("<html", "value=\"checkout\"", "1.4.2", "be/v142",
					"href=\"/deployments?application=checkout&amp;cursor=c2\"")
			.doesNotContain(">Newest<");
	}

	@Test
	void answersHtmxWithTheResultsOnly() {
		given(deployments.list(null, "production", "c2", DeploymentPages.PAGE_SIZE))
			.willReturn(new Slice<>(List.of(deployment()), null));
		assertThat(mvc.get()
			.uri("/deployments")
			.param("environment", "production")
			.param("cursor", "c2")
			.header("HX-Request", "true")).hasStatusOk()
			.bodyText()
			.contains("id=\"results\"", "1.4.2", ">Newest<")
			.doesNotContain("<html", "Older entries");
	}

	private static DeploymentView deployment() {
		return new DeploymentView(UUID.randomUUID(), "checkout", "production", "1.4.2", null, "abcdef1234567890", null,
				"be/v142", DeploymentState.RUNNING, DeploymentHealth.HEALTHY, null, null, 0, "ci",
				Instant.parse("2026-11-29T06:00:00Z"), null, null);
	}

}
