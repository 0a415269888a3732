package org.releasegate.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** Which view a page handler renders: the fragment htmx asked for, or the whole page. */
final class Htmx {

	private Htmx() {
	}

	/**
	 * The fragment for an htmx request; the full page for a normal one and for htmx's
	 * history restore (which needs the whole page).
	 */
	static String view(HtmxRequest request, String page, String fragment) {
		return request.isHtmxRequest() && !request.isHistoryRestoreRequest() ? page + " :: " + fragment : page;
	}

}
