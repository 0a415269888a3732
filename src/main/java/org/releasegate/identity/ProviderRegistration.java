package org.releasegate.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.client.RestClient;

/**
 * The identity provider as Spring Security's OAuth2 client needs it, read from its
 * discovery document on first use rather than at start-up: the service starts, and local
 * sign-in works, while the provider is down. A failed discovery is tried again at the
 * next sign-in, at most every few seconds.
 */
class ProviderRegistration implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final SingleSignOnProperties properties;

	private final RestClient http;

	private volatile ClientRegistration registration;

	private volatile Instant nextAttempt = Instant.MIN;

	ProviderRegistration(SingleSignOnProperties properties) {
		this.properties = properties;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(3));
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return SingleSignOnProperties.REGISTRATION_ID.equals(registrationId) ? resolve().orElse(null) : null;
	}

	/** The registration, if the provider has answered once; asks it now otherwise. */
	Optional<ClientRegistration> resolve() {
		if (registration != null || !properties.enabled()) {
			return Optional.ofNullable(registration);
		}
		synchronized (this) {
			if (registration == null && Instant.now().isAfter(nextAttempt)) {
				try {
					registration = discover();
				}
				catch (RuntimeException ex) {
					nextAttempt = Instant.now().plus(RETRY_AFTER);
					log.warn(
							"Single sign-on: the identity provider at {} cannot be reached ({}); "
									+ "local sign-in still works, single sign-on is tried again at the next sign-in",
							properties.issuerUri(), ex.getMessage());
				}
			}
			return Optional.ofNullable(registration);
		}
	}

	private ClientRegistration discover() {
		String issuer = properties.issuerUri().replaceAll("/+$", "");
		Map<String, Object> configuration = http.get()
			.uri(issuer + "/.well-known/openid-configuration")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		ClientRegistration discovered = ClientRegistrations.fromOidcConfiguration(configuration)
			.registrationId(SingleSignOnProperties.REGISTRATION_ID)
			.clientName(properties.providerName())
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.scope(properties.scopes())
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.userNameAttributeName(properties.usernameClaim())
			.build();
		log.info("Single sign-on: the identity provider at {} answered; people can sign in with {}",
				properties.issuerUri(), properties.providerName());
		return discovered;
	}

	/**
	 * Asks the provider once at start-up, apart from the start-up itself, so the log says
	 * at once whether single sign-on works.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void checkAtStartUp() {
		if (properties.enabled()) {
			Thread discovery = new Thread(this::resolve, "single-sign-on-discovery");
			discovery.setDaemon(true);
			discovery.start();
		}
	}

}
