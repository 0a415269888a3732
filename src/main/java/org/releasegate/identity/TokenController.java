package org.releasegate.identity;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Personal and CI tokens, sent as Authorization: Bearer")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request, Authentication authentication) {
		IssuedToken issued = tokens.issue(authentication.getName(), request);
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.details().id())).body(issued);
	}

	@GetMapping
	List<TokenView> list(Authentication authentication) {
		return tokens.list(authentication.getName());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable UUID id, Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
		tokens.revoke(id, authentication.getName(), admin);
		return ResponseEntity.noContent().build();
	}

}
