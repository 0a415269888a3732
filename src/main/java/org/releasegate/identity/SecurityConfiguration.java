package org.releasegate.identity;

import java.io.IOException;
import java.net.URI;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.ProblemResponses;
import org.releasegate.common.PublicUrl;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
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
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Two ways in: the REST API ({@code /api/**}) is stateless and takes HTTP Basic, a bearer
 * API token or a pipeline's workload identity token ({@link BearerTokens}); the browser
 * UI signs in with a form ({@code /login}) or the identity provider
 * ({@link SingleSignOnConfiguration}) and a session, CSRF-protected (forms carry the
 * token, htmx sends it as a header). Who may do what is decided on each endpoint with
 * {@code @PreAuthorize}, checked before the request body is read
 * ({@link EarlyAuthorization}).
 * <p>
 * Both chains: failed sign-ins throttled per account and address
 * ({@link SignInThrottleFilter}); rights re-read on every request (a session or token
 * granted under roles since changed is refused: {@link RightsCheck}, {@link TokenCache});
 * the same security headers ({@link #securityHeaders}); redirects built from
 * {@link PublicUrl}'s path, never from the {@code Host} header.
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

	/**
	 * No script but the service's own files (no inline scripts, no eval: htmx runs with
	 * {@code allowEval: false}); styles from the service's files plus inline style
	 * attributes (split bars are sized with them); nothing may frame the pages; no
	 * referrer beyond this origin; no camera, microphone, geolocation or payment APIs.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	private static void securityHeaders(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
	}

	@Bean
	RightsCheck rightsCheck(Users users) {
		return new RightsCheck(users);
	}

	@Bean
	SignInThrottleFilter signInThrottleFilter(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle);
	}

	/** Only inside the security chains, not also as a plain servlet filter. */
	@Bean
	FilterRegistrationBean<RightsCheck> rightsCheckNotAServletFilter(RightsCheck filter) {
		FilterRegistrationBean<RightsCheck> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<SignInThrottleFilter> throttleNotAServletFilter(SignInThrottleFilter filter) {
		FilterRegistrationBean<SignInThrottleFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokens bearerTokens, SignInThrottleFilter throttle)
			throws Exception {
		securityHeaders(http);
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
			.addFilterBefore(throttle, BasicAuthenticationFilter.class)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browser(HttpSecurity http, SingleSignOnConfiguration.BrowserSignIn singleSignOn,
			PublicUrl publicUrl, RightsCheck rightsCheck, SignInThrottleFilter throttle) throws Exception {
		singleSignOn.applyTo(http);
		securityHeaders(http);
		RequestCache savedRequests = new HttpSessionRequestCache();
		return http
			.authorizeHttpRequests(
					requests -> requests
						.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
								"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/css/**", "/js/**", "/img/**",
								"/webjars/**", "/favicon.ico", "/error", "/login", "/login/sso")
						.permitAll()
						.anyRequest()
						.authenticated())
			.requestCache(cache -> cache.requestCache(savedRequests))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(backToWhereTheyWere(savedRequests, publicUrl))
				.failureHandler(
						(request, response, ex) -> response.sendRedirect(onPublicUrl(publicUrl, "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl(onPublicUrl(publicUrl, "/login?logout")).permitAll())
			// an htmx request whose session has expired reloads the page, which then
			// redirects to the sign-in page, instead of swapping the sign-in page into a
			// fragment
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(signInOrRefresh(savedRequests, publicUrl)))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(rightsCheck, AnonymousAuthenticationFilter.class)
			.build();
	}

	private static AuthenticationEntryPoint signInOrRefresh(RequestCache requests, PublicUrl publicUrl) {
		AuthenticationEntryPoint refresh = new HxRefreshHeaderAuthenticationEntryPoint();
		return (request, response, ex) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				refresh.commence(request, response, ex);
				return;
			}
			requests.saveRequest(request, response);
			response.sendRedirect(onPublicUrl(publicUrl, "/login"));
		};
	}

	/**
	 * A redirect target: the path under the public URL's own path, sent as a relative
	 * {@code Location} (the browser resolves it against the address it used), so neither
	 * the {@code Host} header nor any other request header ever chooses where it leads.
	 */
	static String onPublicUrl(PublicUrl publicUrl, String pathAndQuery) {
		String base = publicUrl.publicUrl().getRawPath() == null ? "" : publicUrl.publicUrl().getRawPath();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}

	/**
	 * After signing in, back to the page that asked for it: its path and query on the
	 * public URL (the saved request's own URL was built from the Host header).
	 */
	private static AuthenticationSuccessHandler backToWhereTheyWere(RequestCache requests, PublicUrl publicUrl) {
		return (request, response, authentication) -> {
			SavedRequest saved = requests.getRequest(request, response);
			requests.removeRequest(request, response);
			String path = "/";
			String query = "";
			if (saved != null) {
				URI asked = URI.create(saved.getRedirectUrl());
				path = asked.getRawPath();
				query = asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery();
			}
			response.sendRedirect(onPublicUrl(publicUrl, path) + query);
		};
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"ReleaseGate\"");
		}
		ProblemResponses.write(response, status, title, detail);
	}

}
