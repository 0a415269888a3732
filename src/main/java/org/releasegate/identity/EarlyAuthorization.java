package org.releasegate.identity;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} before its arguments are read, so a caller
 * whose role may not call it gets 403 without learning what the body should contain
 * (method security alone runs after the body is bound and validated, and a 400 would name
 * the fields). Expressions that use the method's arguments ({@code #username}) cannot be
 * checked this early; method security still checks every expression when the method is
 * called.
 */
class EarlyAuthorization implements HandlerInterceptor {

	private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();

	private final Map<Method, Expression> parsed = new ConcurrentHashMap<>();

	EarlyAuthorization(ApplicationContext context) {
		expressions.setApplicationContext(context);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
		}
		if (rule == null || rule.value().contains("#")) {
			return true;
		}
		String value = rule.value();
		Expression expression = parsed.computeIfAbsent(method.getMethod(),
				m -> expressions.getExpressionParser().parseExpression(value));
		var context = expressions.createEvaluationContext(() -> SecurityContextHolder.getContext().getAuthentication(),
				new SimpleMethodInvocation(method.getBean(), method.getMethod()));
		if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
			throw new AccessDeniedException("Your role does not allow this.");
		}
		return true;
	}

}
