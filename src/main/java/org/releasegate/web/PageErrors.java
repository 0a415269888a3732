package org.releasegate.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the domain's failures in browser pages into the friendly error page with the
 * right status: a missing thing is 404, a refused transition 409, a bad value 400. REST
 * controllers are left to their problem details; anything else falls through to the
 * generic 500 page, which never shows a stack trace.
 */
class PageErrors implements HandlerExceptionResolver {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(handler instanceof HandlerMethod method)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
			return null;
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch && isPathVariable(mismatch)) {
			// "/releases/abc" names no release: to a person that is a page that does not
			// exist, not a malformed request
			return page(request, HttpStatus.NOT_FOUND, "");
		}
		HttpStatus status = statusOf(ex);
		if (status == null) {
			return null;
		}
		// our exceptions' messages are written for people, and name no internals
		return page(request, status, ex.getMessage() == null ? "" : ex.getMessage());
	}

	private static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
		return new ModelAndView("error", Map.of("currentPath", request.getRequestURI(), "status", status.value(),
				"error", status.getReasonPhrase(), "message", message), status);
	}

	private static boolean isPathVariable(MethodArgumentTypeMismatchException ex) {
		return ex.getParameter().hasParameterAnnotation(PathVariable.class);
	}

	private static HttpStatus statusOf(Exception ex) {
		if (ex instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof ConflictException || ex instanceof IllegalStateException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof IllegalArgumentException) {
			return HttpStatus.BAD_REQUEST;
		}
		return null;
	}

}
