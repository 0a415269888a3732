package org.releasegate.deployments;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.releasegate.identity.WithApiSecurity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(DeploymentController.class)
@WithApiSecurity
class DeploymentControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeploymentService deployments;

	private final DeploymentView view = new DeploymentView(UUID.randomUUID(), "checkout", "production", "1.4.2", null,
			null, null, "checkout-v142", DeploymentState.RUNNING, DeploymentHealth.UNKNOWN, null, null, 0, "ci",
			Instant.parse("2026-11-29T10:00:00Z"), null, null);

	private final String body = """
			{"application":"checkout","environment":"production","version":"1.4.2","endpoint":"checkout-v142"}""";

	@Test
	@WithMockUser(roles = "ENGINEER")
	void aNewDeploymentIs201WithItsLocation() {
		given(deployments.record(any())).willReturn(new DeploymentService.Recorded(view, true));
		assertThat(mvc.post().uri("/api/v1/deployments").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(201)
			.hasHeader("Location", "/api/v1/deployments/" + view.id())
			.bodyJson()
			.extractingPath("$.trafficPercent")
			.isEqualTo(0);
	}

	@Test
	@WithMockUser(roles = "ENGINEER")
	void aReplayIs200() {
		given(deployments.record(any())).willReturn(new DeploymentService.Recorded(view, false));
		assertThat(mvc.post().uri("/api/v1/deployments").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(200);
	}

	@Test
	@WithMockUser(roles = "PRODUCT_OWNER")
	void productOwnersDoNotRecordDeployments() {
		assertThat(mvc.post().uri("/api/v1/deployments").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(403);
		verifyNoInteractions(deployments);
	}

	@Test
	@WithMockUser(roles = "ENGINEER")
	void invalidBodiesNeverReachTheService() {
		assertThat(mvc.post()
			.uri("/api/v1/deployments")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"application\":\"checkout\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("environment", "version", "endpoint");
		verifyNoInteractions(deployments);
	}

}
