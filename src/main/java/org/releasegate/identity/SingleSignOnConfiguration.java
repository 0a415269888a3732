package org.releasegate.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Who may sign in besides local accounts: people through the identity provider (OpenID
 * Connect, {@code releasegate.identity.oidc.*}) and pipelines with a workload identity
 * token ({@code releasegate.identity.workload.*}). Kept apart from
 * {@link SecurityConfiguration}, which calls {@link #browser} and {@link #bearerTokens}.
 */
@Configuration(proxyBeanMethods = false)
class SingleSignOnConfiguration {

	@Bean
	ProviderRegistration providerRegistration(SingleSignOnProperties properties) {
		return new ProviderRegistration(properties);
	}

	@Bean
	SingleSignOnPeople singleSignOnPeople(SingleSignOnProperties properties, ProviderAccounts accounts) {
		return new SingleSignOnPeople(properties, accounts);
	}

	@Bean
	BrowserSignIn browserSignIn(SingleSignOnProperties properties, ProviderRegistration registration,
			SingleSignOnPeople people) {
		return new BrowserSignIn(properties, registration, people);
	}

	@Bean
	BearerTokens bearerTokens(ApiTokenIntrospector introspector, WorkloadProperties properties,
			AuthenticationEventPublisher events) {
		return new BearerTokens(introspector, properties, events);
	}

	/**
	 * Adds the identity provider to the browser's sign-in. Local passwords are refused by
	 * {@link Accounts} when switched off.
	 */
	record BrowserSignIn(SingleSignOnProperties properties, ProviderRegistration registration,
			SingleSignOnPeople people) {

		void applyTo(HttpSecurity http) throws Exception {
			if (!properties.enabled()) {
				return;
			}
			http.oauth2Login(login -> login.loginPage("/login")
				.clientRegistrationRepository(registration)
				.failureUrl("/login?sso-failed")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(people)));
		}

	}

}
