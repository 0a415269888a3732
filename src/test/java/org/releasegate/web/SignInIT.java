package org.releasegate.web;

import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class SignInIT extends BrowserTest {

	@Test
	void wrongPasswordIsRefusedThenTheRightOneSignsIn() throws Exception {
		Api.Person engineer = api.person("ENGINEER");

		open("/deployments");
		assertThat(browser.getCurrentUrl()).as("signed-out visitors are sent to sign in").endsWith("/login");

		signIn(engineer.username(), "not-the-password");
		assertThat(browser.getCurrentUrl()).contains("/login?error");
		assertThat(find("#signin-error").getText()).contains("Wrong username or password");
		screenshot("login-error");

		signIn(engineer.username(), engineer.password());
		assertThat(browser.getCurrentUrl()).as("back to the page asked for").contains("/deployments");
		assertThat(find(".who").getText()).isEqualTo(engineer.username());
		assertThat(findAll("nav .nav a")).extracting(a -> a.getText())
			.as("an engineer's navigation has no audit page")
			.containsExactly("Dashboard", "Deployments", "API tokens");

		find(".signout button").click();
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/login?logout"));
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

}
