package org.releasegate.identity;

import org.releasegate.common.WebPage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form; Spring Security processes the POST to the same address. With single
 * sign-on configured it also offers "Sign in with ...", which goes to the identity
 * provider if it answers and back here with a sentence if it does not.
 */
@Controller
@WebPage
class LoginPage {

	private final SingleSignOnProperties singleSignOn;

	private final ProviderRegistration provider;

	LoginPage(SingleSignOnProperties singleSignOn, ProviderRegistration provider) {
		this.singleSignOn = singleSignOn;
		this.provider = provider;
	}

	@GetMapping("/login")
	String show(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
			@RequestParam(name = "sso-unavailable", required = false) String ssoUnavailable,
			@RequestParam(name = "sso-failed", required = false) String ssoFailed, Authentication authentication,
			Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("singleSignOn", singleSignOn.enabled() ? singleSignOn.providerName() : null);
		model.addAttribute("localSignIn", singleSignOn.acceptsLocalPasswords());
		model.addAttribute("ssoUnavailable", ssoUnavailable != null);
		model.addAttribute("ssoFailed", ssoFailed != null);
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn ? "redirect:/" : "login";
	}

	@GetMapping("/login/sso")
	String singleSignOn() {
		return provider.resolve().isPresent()
				? "redirect:/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION_ID
				: "redirect:/login?sso-unavailable";
	}

}
