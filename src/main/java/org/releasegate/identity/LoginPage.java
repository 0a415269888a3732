package org.releasegate.identity;

import org.releasegate.common.WebPage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security processes the POST to the same address. */
@Controller
@WebPage
class LoginPage {

	@GetMapping("/login")
	String show(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
			Authentication authentication, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn ? "redirect:/" : "login";
	}

}
