package org.releasegate.releases;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.releasegate.common.WebPage;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Release managers edit an environment's release policy in a form; the application page
 * shows it to everyone. Saving goes through {@link PolicyService}, as the API does.
 */
@Controller
@WebPage
@PreAuthorize("hasAnyRole('RELEASE_MANAGER', 'ADMIN')")
class PolicyPage {

	private final PolicyService policies;

	private final ReleaseCatalog catalog;

	PolicyPage(PolicyService policies, ReleaseCatalog catalog) {
		this.policies = policies;
		this.catalog = catalog;
	}

	@GetMapping("/applications/{name}/environments/{environment}/policy")
	String edit(@PathVariable String name, @PathVariable String environment, Model model) {
		policies.get(name, environment); // 404 for an unknown application, 400 for a bad
											// environment
		ReleaseCatalog.PolicySummary current = catalog.policies(name, List.of(environment))
			.stream()
			.filter(p -> p.environment().equals(environment))
			.findFirst()
			.orElseThrow();
		return form(name, environment, PolicyForm.of(current), null, model);
	}

	@PostMapping("/applications/{name}/environments/{environment}/policy")
	String save(@PathVariable String name, @PathVariable String environment, @ModelAttribute PolicyForm form,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		try {
			policies.put(name, environment, form.toRequest());
		}
		catch (InvalidField invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(name, environment, form, invalid, model);
		}
		flash.addFlashAttribute("flash", "Release policy of " + environment + " saved.");
		return "redirect:/applications/" + name + "#policy";
	}

	private String form(String name, String environment, PolicyForm form, InvalidField invalid, Model model) {
		model.addAttribute("appName", name);
		model.addAttribute("environment", environment);
		model.addAttribute("form", form);
		// errors name the form's field: the first segment of the rule's field path
		model.addAttribute("errorField", invalid == null ? null : invalid.field().split("[.\\[]")[0]);
		model.addAttribute("errorMessage", invalid == null ? null : invalid.reason());
		return "releases/policy";
	}

}
