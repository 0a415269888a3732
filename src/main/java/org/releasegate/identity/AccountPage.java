package org.releasegate.identity;

import java.util.regex.Pattern;

import org.releasegate.common.WebPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own account: the address they are emailed at, and whether they want email.
 */
@Controller
@WebPage
class AccountPage {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final JdbcContacts contacts;

	AccountPage(JdbcContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/account")
	String show(Authentication authentication, Model model) {
		JdbcContacts.EmailSettings settings = contacts.settings(authentication.getName())
			.orElse(new JdbcContacts.EmailSettings(null, false));
		model.addAttribute("email", settings.email());
		model.addAttribute("notifications", settings.notifications());
		return "identity/account";
	}

	@PostMapping("/account")
	String save(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "false") boolean notifications, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		String address = email.strip();
		if (!address.isEmpty() && (address.length() > 254 || !ADDRESS.matcher(address).matches())) {
			model.addAttribute("email", address);
			model.addAttribute("notifications", notifications);
			model.addAttribute("emailError", "enter an address like name@example.com, or leave it empty");
			return "identity/account";
		}
		if (contacts.settings(authentication.getName()).isEmpty()) {
			// signed in without a local account (e.g. the configured admin): nothing to
			// keep
			model.addAttribute("emailError", "this sign-in has no account to keep an address for");
			return "identity/account";
		}
		contacts.change(authentication.getName(),
				new JdbcContacts.EmailSettings(address.isEmpty() ? null : address, notifications));
		redirect.addFlashAttribute("flash", "Saved your email settings.");
		return "redirect:/account";
	}

}
