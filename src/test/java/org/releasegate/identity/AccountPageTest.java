package org.releasegate.identity;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WebMvcTest(AccountPage.class)
@WithMockUser(username = "olga", roles = "PRODUCT_OWNER")
class AccountPageTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	JdbcContacts contacts;

	@Test
	void showsAndSavesMyOwnEmailSettings() {
		given(contacts.settings("olga"))
			.willReturn(Optional.of(new JdbcContacts.EmailSettings("old@example.com", true)));
		assertThat(mvc.get().uri("/account")).hasStatusOk()
			.bodyText()
			.contains("My account", "value=\"old@example.com\"", "checked");

		assertThat(mvc.post()
			.uri("/account")
			.with(csrf())
			.param("email", " olga@example.com ")
			.param("notifications", "false")).hasStatus3xxRedirection().hasRedirectedUrl("/account");
		verify(contacts).change("olga", new JdbcContacts.EmailSettings("olga@example.com", false));
	}

	@Test
	void aMalformedAddressIsAnInlineErrorAndChangesNothing() {
		assertThat(mvc.post().uri("/account").with(csrf()).param("email", "not an address")).hasStatusOk()
			.bodyText()
			.contains("id=\"email-error\"", "enter an address like name@example.com", "aria-invalid=\"true\"");
		verify(contacts, never()).change(any(), any());
	}

}
