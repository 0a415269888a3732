package org.releasegate.releases;

import jakarta.servlet.http.HttpServletRequest;

import org.releasegate.identity.Role;
import org.releasegate.common.WebPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The count beside "Inbox" in the navigation, for product owners. Only full pages render
 * the navigation, so API calls and htmx fragments (the polling ones too) skip the query.
 * The inbox is looked up lazily: web slice tests of other modules' pages run without it.
 */
@ControllerAdvice(annotations = WebPage.class)
class InboxCount {

	private final ObjectProvider<Inbox> inbox;

	InboxCount(ObjectProvider<Inbox> inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("inboxCount")
	Integer inboxCount(HttpServletRequest request, Authentication authentication) {
		if (authentication == null || request.getRequestURI().startsWith("/api/")
				|| request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null
				|| authentication.getAuthorities()
					.stream()
					.noneMatch(a -> Role.PRODUCT_OWNER.authority().equals(a.getAuthority()))) {
			return null;
		}
		Inbox available = inbox.getIfAvailable();
		return available == null ? null : available.count(authentication.getName());
	}

}
