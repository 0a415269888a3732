package org.releasegate.identity;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People and their roles")
class UserController {

	private final Accounts accounts;

	UserController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
		UserView user = accounts.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
	}

	@GetMapping
	@PreAuthorize("hasRole('ADMIN')")
	List<UserView> list() {
		return accounts.all();
	}

	@GetMapping("/me")
	@io.swagger.v3.oas.annotations.Operation(summary = "Who the caller is: username, display name and roles")
	UserView me(Principal principal) {
		return accounts.get(principal.getName());
	}

	@GetMapping("/{username}")
	@PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
	UserView get(@PathVariable String username) {
		return accounts.get(username);
	}

	@PutMapping("/{username}/roles")
	@PreAuthorize("hasRole('ADMIN')")
	UserView changeRoles(@PathVariable String username, @Valid @RequestBody RolesRequest request) {
		return accounts.changeRoles(username, request.roles());
	}

	@PostMapping("/{username}/disable")
	@PreAuthorize("hasRole('ADMIN')")
	UserView disable(@PathVariable String username) {
		return accounts.disable(username);
	}

	@PostMapping("/{username}/enable")
	@PreAuthorize("hasRole('ADMIN')")
	UserView enable(@PathVariable String username) {
		return accounts.enable(username);
	}

	record RolesRequest(@NotNull @NotEmpty Set<@NotNull Role> roles) {
	}

}
