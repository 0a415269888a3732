package org.releasegate.releases;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.releasegate.identity.WithApiSecurity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(PolicyPage.class)
@WithApiSecurity
@WithMockUser(roles = "RELEASE_MANAGER")
class PolicyPageTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PolicyService policies;

	@MockitoBean
	ReleaseCatalog catalog;

	@Test
	void showsTheCurrentPolicyAsEditableText() {
		given(catalog.policies("checkout", List.of("production")))
			.willReturn(List.of(new ReleaseCatalog.PolicySummary("production", 2, 10,
					List.of("Mon,Tue 09:00-16:00 Europe/Berlin"), List.of(), List.of(), null, true, "max", null)));
		assertThat(mvc.get().uri("/applications/checkout/environments/production/policy")).hasStatusOk()
			.bodyText()
			.contains("value=\"2\"", "value=\"10\"", ">Mon,Tue 09:00-16:00 Europe/Berlin</textarea>");
	}

	@Test
	void savesAndReturnsToTheApplicationPage() {
		assertThat(mvc.post()
			.uri("/applications/checkout/environments/production/policy")
			.with(csrf())
			.param("requiredApprovals", "2")
			.param("soakMinutes", "0")
			.param("customChecks", "smoke-tests Smoke tests passed")).hasStatus3xxRedirection()
			.hasRedirectedUrl("/applications/checkout#policy");
		verify(policies).put(eq("checkout"), eq("production"), any(PolicyRequest.class));
	}

	@Test
	void aBadValueIsShownBesideItsFieldAndNothingIsSaved() {
		assertThat(mvc.post()
			.uri("/applications/checkout/environments/production/policy")
			.with(csrf())
			.param("requiredApprovals", "two")
			.param("soakMinutes", "5")).hasStatus(400)
			.bodyText()
			.contains("id=\"requiredApprovals-error\"", "a whole number, not two", "value=\"two\"");
		verifyNoInteractions(policies);
	}

	@Test
	@WithMockUser(roles = "PRODUCT_OWNER")
	void othersMayNotEditIt() {
		assertThat(mvc.post()
			.uri("/applications/checkout/environments/production/policy")
			.with(csrf())
			.param("requiredApprovals", "1")).hasStatus(403);
		verifyNoInteractions(policies);
	}

}
