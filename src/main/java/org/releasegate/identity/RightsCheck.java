package org.releasegate.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose rights no longer hold: on every request, the signed-in
 * person's rights version is read from the database (one indexed read, so this holds on
 * every instance at once); when their roles changed or their account was disabled since
 * they signed in, the session is invalidated and the request goes on unauthenticated, so
 * they are sent to sign in again and get the rights they have now.
 */
class RightsCheck extends OncePerRequestFilter {

	private final Users users;

	RightsCheck(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser person
				&& !users.currentRightsVersion(person.getUsername())
					.filter(version -> version == person.rightsVersion())
					.isPresent()) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

}
