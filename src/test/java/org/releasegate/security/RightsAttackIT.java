package org.releasegate.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rights take effect at once: an admin demoted while signed in, a disabled account and a
 * demoted token owner lose their power on the very next request, though the session was
 * open and the token had just been checked (and cached).
 */
@FullStackTest
class RightsAttackIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	Api api;

	@Test
	void aDemotedAdminsOpenSessionCannotCreateAnAdmin() throws Exception {
		Api.Person admin = api.person("ADMIN");
		Browser session = new Browser(api.baseUrl());
		session.signIn(admin.username(), admin.password());
		HttpResponse<String> adminPage = session.get("/admin");
		assertThat(adminPage.statusCode()).isEqualTo(200);
		String csrf = session.csrf(adminPage.body());

		changeRoles(admin.username(), "AUDITOR");

		String created = Api.unique("sneaky");
		HttpResponse<String> post = session.post("/admin/users", Map.of("_csrf", csrf, "username", created, "password",
				"a-long-password-1", "displayName", "Sneaky", "roles", "ADMIN"));
		assertThat(post.statusCode()).isEqualTo(302);
		assertThat(post.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		api.admin().get().uri("/api/v1/users/{name}", created).exchange().expectStatus().isNotFound();
		// and the session is over: the admin page sends them to sign in
		assertThat(session.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void aCachedTokenLosesTheRolesItsOwnerLost() {
		Api.Person admin = api.person("ADMIN");
		admin.client().get().uri("/api/v1/users").exchange().expectStatus().isOk();
		changeRoles(admin.username(), "AUDITOR");
		admin.client().get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
	}

	@Test
	void aDisabledAccountsSessionAndTokensEndAtOnce() throws Exception {
		Api.Person engineer = api.person("ENGINEER");
		Browser session = new Browser(api.baseUrl());
		session.signIn(engineer.username(), engineer.password());
		engineer.client().get().uri("/api/v1/deployments").exchange().expectStatus().isOk();
		assertThat(session.get("/").statusCode()).isEqualTo(200);

		api.admin().post().uri("/api/v1/users/{name}/disable", engineer.username()).exchange().expectStatus().isOk();

		engineer.client().get().uri("/api/v1/deployments").exchange().expectStatus().isUnauthorized();
		assertThat(session.get("/").statusCode()).isEqualTo(302);
		api.basic(engineer.username(), engineer.password())
			.get()
			.uri("/api/v1/users/me")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private void changeRoles(String username, String... roles) {
		api.admin()
			.put()
			.uri("/api/v1/users/{name}/roles", username)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("roles", List.of(roles)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A browser's session: cookies kept, redirects not followed. */
	static final class Browser {

		private final String base;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Browser(String base) {
			this.base = base;
		}

		void signIn(String username, String password) throws Exception {
			String csrf = csrf(get("/login").body());
			HttpResponse<String> signedIn = post("/login",
					Map.of("_csrf", csrf, "username", username, "password", password));
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		}

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
			StringBuilder body = new StringBuilder();
			form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
				.append(name)
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			return client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String html) {
			Matcher matcher = CSRF.matcher(html);
			assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
			return matcher.group(1);
		}

	}

}
