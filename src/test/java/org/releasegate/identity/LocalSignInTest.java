package org.releasegate.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.releasegate.audit.AuditLog;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Local passwords (sign-in form and HTTP Basic): refused for people of the identity
 * provider, who have none, and for everyone once switched off beside single sign-on.
 */
class LocalSignInTest {

	private final Users users = mock(Users.class);

	private Accounts accounts(String issuer, boolean localSignIn) {
		return new Accounts(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(), mock(AuditLog.class),
				Clock.systemUTC(), new SingleSignOnProperties(issuer, "client", "secret", List.of("openid"), "SSO",
						"preferred_username", "groups", List.of(), localSignIn));
	}

	@Test
	void aLocalAccountSignsInWithItsPasswordUnlessLocalSignInIsSwitchedOff() {
		given(users.findByUsername("admin"))
			.willReturn(Optional.of(new User("admin", "{noop}pw", "Administrator", Set.of(Role.ADMIN), Instant.now())));
		assertThat(accounts("https://idp.example.com", true).loadUserByUsername("admin").getPassword())
			.isEqualTo("{noop}pw");
		assertThat(accounts(null, false).loadUserByUsername("admin").getPassword())
			.as("cannot be switched off without single sign-on")
			.isEqualTo("{noop}pw");
		assertThatThrownBy(() -> accounts("https://idp.example.com", false).loadUserByUsername("admin"))
			.isInstanceOf(UsernameNotFoundException.class);
	}

	@Test
	void aPersonOfTheIdentityProviderHasNoLocalPassword() {
		given(users.findByUsername("olivia"))
			.willReturn(Optional.of(User.fromProvider("olivia", "Olivia", Instant.now())));
		assertThatThrownBy(() -> accounts("https://idp.example.com", true).loadUserByUsername("olivia"))
			.isInstanceOf(UsernameNotFoundException.class);
	}

}
