package org.releasegate.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.releasegate.common.ConflictException;
import org.releasegate.common.WebPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People and their roles (admins), and everyone's own API tokens. A new token's secret
 * travels to the next page as a flash attribute, so it is shown exactly once.
 */
@Controller
@WebPage
class AdminPage {

	private final Accounts accounts;

	private final TokenService tokens;

	private final IdentityProperties properties;

	AdminPage(Accounts accounts, TokenService tokens, IdentityProperties properties) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.properties = properties;
	}

	@GetMapping("/admin")
	String show(Authentication authentication, Model model) {
		return page(authentication, model);
	}

	@PostMapping("/admin/users")
	@PreAuthorize("hasRole('ADMIN')")
	String createUser(@Valid @ModelAttribute("newUser") NewUser form, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				UserView user = accounts.create(form);
				redirect.addFlashAttribute("flash", "Created " + user.username() + ".");
				return "redirect:/admin";
			}
			catch (ConflictException ex) {
				binding.rejectValue("username", "taken", "this username is taken");
			}
		}
		model.addAttribute("userErrors", errors(binding));
		return page(authentication, model);
	}

	@PostMapping("/admin/tokens")
	String createToken(@Valid @ModelAttribute("newToken") NewToken form, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				IssuedToken issued = tokens.issue(authentication.getName(), form);
				redirect.addFlashAttribute("issued", issued);
				return "redirect:/admin";
			}
			catch (IllegalArgumentException ex) {
				binding.rejectValue("expiresInDays", "tooLong", ex.getMessage());
			}
		}
		model.addAttribute("tokenErrors", errors(binding));
		return page(authentication, model);
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revokeToken(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		tokens.revoke(id, authentication.getName(), false);
		redirect.addFlashAttribute("flash", "Token revoked.");
		return "redirect:/admin";
	}

	private String page(Authentication authentication, Model model) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
		model.addAttribute("tokens", tokens.list(authentication.getName()));
		model.addAttribute("users", admin ? accounts.all() : List.of());
		model.addAttribute("roles", Role.values());
		model.addAttribute("tokenDays", properties.defaultTokenDays());
		model.addAttribute("admin", admin);
		return "admin";
	}

	/** The first message for each field, for inline errors beside the inputs. */
	private static Map<String, String> errors(BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
		return errors;
	}

}
