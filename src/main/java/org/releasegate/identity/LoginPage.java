package org.releasegate.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security processes the POST to the same address. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String show(Authentication authentication) {
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn ? "redirect:/" : "login";
	}

}
