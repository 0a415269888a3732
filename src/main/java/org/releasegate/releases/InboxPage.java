package org.releasegate.releases;

import java.security.Principal;

import org.releasegate.common.WebPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Releases waiting for my decision as a product owner, oldest first. */
@Controller
@WebPage
@PreAuthorize("hasRole('PRODUCT_OWNER')")
class InboxPage {

	private final Inbox inbox;

	InboxPage(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String show(Principal me, Model model) {
		model.addAttribute("releases", inbox.awaiting(me.getName()));
		model.addAttribute("tones", ReleasePage.TONES);
		return "releases/inbox";
	}

}
