package org.releasegate.identity;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in the test's JVM, on the
 * port {@link TestIdentityProviders} chose, with ReleaseGate registered as a client and
 * people whose ID tokens carry their groups, as Keycloak sends them. Started on demand,
 * after the service, to show that the service does not need it at start-up.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
		ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
		OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class })
class AuthorizationServer {

	static final String PASSWORD = "idp-password";

	private static ConfigurableApplicationContext running;

	/** Starts the provider once; the service under test redirects people to it. */
	static synchronized ConfigurableApplicationContext start(String redirectUri) {
		if (running == null) {
			String prefix = "--spring.security.oauth2.authorizationserver.client.releasegate.";
			SpringApplication application = new SpringApplication(AuthorizationServer.class);
			application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
			running = application.run("--spring.config.name=test-identity-provider", "--server.address=127.0.0.1",
					"--server.port=" + TestIdentityProviders.providerPort(),
					"--spring.security.oauth2.authorizationserver.issuer=" + TestIdentityProviders.providerIssuer(),
					prefix + "registration.client-id=" + TestIdentityProviders.CLIENT_ID,
					prefix + "registration.client-secret={noop}" + TestIdentityProviders.CLIENT_SECRET,
					prefix + "registration.client-authentication-methods=client_secret_basic",
					prefix + "registration.authorization-grant-types=authorization_code",
					prefix + "registration.redirect-uris=" + redirectUri,
					prefix + "registration.scopes=openid,profile,email",
					prefix + "require-authorization-consent=false");
		}
		return running;
	}

	static synchronized void stop() {
		if (running != null) {
			running.close();
			running = null;
		}
	}

	/**
	 * Gives a person of the provider other groups; they take effect at the next sign-in.
	 */
	static void regroup(String username, String... groups) {
		running.getBean(InMemoryUserDetailsManager.class).updateUser(person(username, groups));
	}

	@Bean
	InMemoryUserDetailsManager people() {
		return new InMemoryUserDetailsManager(person("olivia", "releasegate-po-checkout", "staff"),
				person("ethan", "releasegate-engineers"));
	}

	/** The groups (here: the person's authorities) and a username, in the ID token. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsInIdToken() {
		return context -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				List<String> groups = context.getPrincipal()
					.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.toList();
				context.getClaims().claim("groups", groups);
				context.getClaims().claim("preferred_username", context.getPrincipal().getName());
				context.getClaims().claim("name", "SSO " + context.getPrincipal().getName());
			}
		};
	}

	private static org.springframework.security.core.userdetails.UserDetails person(String username, String... groups) {
		return User.withUsername(username).password("{noop}" + PASSWORD).authorities(groups).build();
	}

}
