package org.releasegate.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a signed-in person's ID token into a ReleaseGate person: the username from the
 * configured claim, roles and owned applications from their groups through the configured
 * mapping.
 */
class SingleSignOnPeople implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final SingleSignOnProperties properties;

	private final ProviderAccounts accounts;

	SingleSignOnPeople(SingleSignOnProperties properties, ProviderAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = provider.loadUser(request);
		Object claim = person.getAttributes().get(properties.usernameClaim());
		String username = claim == null ? null : claim.toString().trim();
		if (username == null || username.isEmpty() || username.length() > 64) {
			throw refused("The identity provider sent no usable " + properties.usernameClaim() + " claim.");
		}
		Set<String> groups = groups(person.getAttributes().get(properties.groupsClaim()));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Set<String> applications = new TreeSet<>();
		for (SingleSignOnProperties.GroupMapping mapping : properties.groups()) {
			if (groups.contains(mapping.group())) {
				roles.add(mapping.role());
				if (mapping.role() == Role.PRODUCT_OWNER) {
					applications.addAll(mapping.applications());
				}
			}
		}
		String displayName = person.getFullName() != null ? person.getFullName() : username;
		UserView view;
		try {
			view = accounts.signedIn(username, displayName, roles, applications);
		}
		catch (AuthenticationException ex) {
			throw refused(ex.getMessage());
		}
		return new DefaultOidcUser(Caller.authorities(view.roles(), view.applications(), false), person.getIdToken(),
				person.getUserInfo(), properties.usernameClaim());
	}

	private static Set<String> groups(Object claim) {
		if (claim instanceof Collection<?> values) {
			Set<String> groups = new TreeSet<>();
			values.forEach(value -> groups.add(String.valueOf(value)));
			return groups;
		}
		if (claim instanceof String value) {
			return new TreeSet<>(List.of(value.split("[,\\s]+")));
		}
		return Set.of();
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
	}

}
