package org.releasegate.web;

import jakarta.servlet.http.HttpServletRequest;

import org.releasegate.common.WebPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page. Thymeleaf 3.1 no longer exposes the request, so
 * the navigation learns the current path from here to mark the current page.
 */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
