package org.releasegate.identity;

import java.io.IOException;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.ProblemResponses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Two ways in: the REST API ({@code /api/**}) is stateless and takes HTTP Basic, a bearer
 * API token or a pipeline's workload identity token ({@link BearerTokens}); the browser
 * UI signs in with a form ({@code /login}) or the identity provider
 * ({@link SingleSignOnConfiguration}) and a session, CSRF-protected (forms carry the
 * token, htmx sends it as a header). Who may do what is decided on each endpoint with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Publishes every failed sign-in, also those whose exception has no event of its own
	 * (an unknown bearer token), so the audit log sees them all.
	 */
	@Bean
	DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
		publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return publisher;
	}

	/**
	 * Spring Security's strict firewall, with a cheaper check of header and parameter
	 * names.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters.ALLOWED);
		firewall.setAllowedHeaderValues(HeaderCharacters.ALLOWED);
		firewall.setAllowedParameterNames(HeaderCharacters.ALLOWED);
		return web -> web.httpFirewall(firewall);
	}

	/**
	 * Micrometer observes sign-ins (timers and counts of successes and failures), not
	 * every filter of every request nor every access decision: those observations cost
	 * more CPU than recording a deployment does. Requests are still timed by
	 * {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	ApiTokenIntrospector apiTokenIntrospector(TokenService tokens, TokenCache cache) {
		return new ApiTokenIntrospector(tokens, cache);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokens bearerTokens) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
				"Unauthorized", "Sign in with HTTP Basic or send Authorization: Bearer <token>.");
		AccessDeniedHandler forbidden = (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN, "Forbidden",
				"Your role does not allow this.");
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().access(new PipelineLimits()))
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.authenticationManagerResolver(bearerTokens))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browser(HttpSecurity http, SingleSignOnConfiguration.BrowserSignIn singleSignOn)
			throws Exception {
		singleSignOn.applyTo(http);
		return http
			.authorizeHttpRequests(
					requests -> requests
						.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
								"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/css/**", "/js/**", "/img/**",
								"/webjars/**", "/favicon.ico", "/error", "/login", "/login/sso")
						.permitAll()
						.anyRequest()
						.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			// an htmx request whose session has expired reloads the page, which then
			// redirects to the sign-in page, instead of swapping the sign-in page into a
			// fragment
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInOrRefresh()))
			.build();
	}

	private static AuthenticationEntryPoint signInOrRefresh() {
		AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		AuthenticationEntryPoint refresh = new HxRefreshHeaderAuthenticationEntryPoint();
		return (request, response, ex) -> ("true".equals(request.getHeader("HX-Request")) ? refresh : signIn)
			.commence(request, response, ex);
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"ReleaseGate\"");
		}
		ProblemResponses.write(response, status, title, detail);
	}

}
