package org.releasegate.identity;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a caller confined to its applications (a pipeline's workload identity) may call:
 * record a deployment and report its health, request a release and read it back. Every
 * other endpoint answers 403 to it, whatever role it carries; which application it may
 * touch is checked by the services ({@link Caller#checkMayActOn}).
 */
final class PipelineLimits implements AuthorizationManager<RequestAuthorizationContext> {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private static final List<RequestMatcher> ALLOWED = List.of(PATHS.matcher(HttpMethod.POST, "/api/v1/deployments"),
			PATHS.matcher(HttpMethod.POST, "/api/v1/deployments/*/health"),
			PATHS.matcher(HttpMethod.POST, "/api/v1/releases"), PATHS.matcher(HttpMethod.GET, "/api/v1/releases/*"));

	private final AuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager
		.authenticated();

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		AuthorizationResult signedIn = authenticated.authorize(authentication, context);
		if (signedIn == null || !signedIn.isGranted()) {
			return signedIn;
		}
		boolean confined = authentication.get()
			.getAuthorities()
			.stream()
			.anyMatch(authority -> Caller.CONFINED.equals(authority.getAuthority()));
		return new AuthorizationDecision(
				!confined || ALLOWED.stream().anyMatch(matcher -> matcher.matches(context.getRequest())));
	}

}
