package org.releasegate.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser sign-in through the company's OpenID Connect provider. Off while
 * {@code issuer-uri} is blank.
 *
 * @param issuerUri the provider's issuer; its discovery document is read on first use, so
 * the service starts while the provider is down
 * @param clientId the client registered for ReleaseGate at the provider
 * @param clientSecret that client's secret
 * @param scopes the scopes asked for; the groups claim may need one of its own
 * @param providerName shown on the sign-in page: "Sign in with ..."
 * @param usernameClaim the ID token claim that becomes the username
 * @param groupsClaim the claim (ID token or user info) that lists the person's groups
 * @param groups which group gives which role, and which applications a product owner owns
 * through it; refreshed at each sign-in
 * @param localSignIn whether local accounts (form and HTTP Basic) may sign in; only
 * switched off while single sign-on is configured
 */
@ConfigurationProperties("releasegate.identity.oidc")
@Validated
record SingleSignOnProperties(String issuerUri, String clientId, String clientSecret, @DefaultValue( {
		"openid", "profile", "email" }) List<String> scopes, @DefaultValue("single sign-on") String providerName,
		@DefaultValue("preferred_username") String usernameClaim, @DefaultValue("groups") String groupsClaim,
		List<GroupMapping> groups, @DefaultValue("true") boolean localSignIn){

	static final String REGISTRATION_ID = "oidc";

	SingleSignOnProperties {
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	boolean enabled() {
		return issuerUri != null && !issuerUri.isBlank();
	}

	/**
	 * Local passwords are accepted unless single sign-on is on and they were switched
	 * off.
	 */
	boolean acceptsLocalPasswords() {
		return localSignIn || !enabled();
	}

	/**
	 * @param group the group's name as the provider sends it (Entra ID: its object id)
	 * @param role the role it gives
	 * @param applications for a product owner, the applications owned through this group
	 */
	record GroupMapping(String group, Role role, List<String> applications) {

		GroupMapping {
			applications = applications == null ? List.of() : List.copyOf(applications);
		}

	}

}
