package org.releasegate.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (HTTP Basic, or the sign-in form's POST) before the password is
 * checked while its account or its client address has too many recent failures: the API
 * answers 429 with {@code Retry-After}, the form shows the sign-in page with a message.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String account = form ? request.getParameter("username") : basicUsername(request);
		if (form || account != null) {
			Optional<Duration> refusal = throttle.refusal(account, request.getRemoteAddr());
			if (refusal.isPresent()) {
				long seconds = Math.max(1, refusal.get().toSeconds());
				if (form) {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
				}
				else {
					response.setHeader("Retry-After", String.valueOf(seconds));
					ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
							"Too many failed sign-ins for this account or from this address. Try again in "
									+ waitTime(seconds) + ".");
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	static String waitTime(long seconds) {
		long minutes = (seconds + 59) / 60;
		return seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds")
				: minutes + (minutes == 1 ? " minute" : " minutes");
	}

	/**
	 * The username of an HTTP Basic header, or null when there is none or it is garbled.
	 */
	private static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
