package org.releasegate.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query and form parameters are bounded before any handler reads them: at most
 * {@value #MAX_LENGTH} characters (above every field's own limit, which then names it
 * with its own sentence) and no control characters but line breaks and tabs (PostgreSQL
 * refuses NUL, and no filter value, cursor or name needs them). Anything else is a 400
 * naming the parameter, never a database error.
 */
class ParameterBounds implements HandlerInterceptor {

	static final int MAX_LENGTH = 10_000;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				if (value.length() > MAX_LENGTH || containsControl(value)) {
					throw new IllegalArgumentException("Parameter '" + parameter.getKey() + "' must be at most "
							+ MAX_LENGTH + " characters without control characters.");
				}
			}
		}
		return true;
	}

	private static boolean containsControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				return true;
			}
		}
		return false;
	}

}
