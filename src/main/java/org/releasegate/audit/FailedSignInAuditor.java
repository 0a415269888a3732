package org.releasegate.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are audited: they are how an auditor sees someone guessing passwords.
 */
@Component
class FailedSignInAuditor {

	private final AuditLog audit;

	FailedSignInAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof ProviderNotFoundException) {
			// a parent authentication manager saying it has no provider for this kind of
			// credential: the provider that has one reports the real outcome
			return;
		}
		// a bearer token's "name" is the secret itself: keep only its public prefix
		String attempted = event.getAuthentication() instanceof BearerTokenAuthenticationToken token
				? "token " + token.getToken().substring(0, Math.min(8, token.getToken().length()))
				: String.valueOf(event.getAuthentication().getName());
		String name = attempted.isBlank() || "null".equals(attempted) ? "unknown" : attempted;
		audit.record(
				AuditEntry.of("identity.sign-in-failed", "user", name)
					.after(Map.of("reason", event.getException().getClass().getSimpleName())),
				new Actor(name, Actor.Kind.ANONYMOUS));
	}

}
