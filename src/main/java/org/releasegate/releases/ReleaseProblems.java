package org.releasegate.releases;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems only the releases API raises: a rejected field named as in the shared
 * problem format, and a forbidden decision saying which rule forbids it.
 */
@RestControllerAdvice(assignableTypes = { ReleaseController.class, PolicyController.class, GateController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReleaseProblems {

	@ExceptionHandler(InvalidField.class)
	ProblemDetail invalid(InvalidField ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + ex.field());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.reason())));
		return problem;
	}

	@ExceptionHandler(DecisionForbidden.class)
	ProblemDetail forbidden(DecisionForbidden ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
