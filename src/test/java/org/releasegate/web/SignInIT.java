package org.releasegate.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
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

	@Test
	void htmxRequestsCarryTheCsrfTokenAndAnExpiredSessionReloadsToSignIn() {
		Api.Person engineer = api.person("ENGINEER");
		signIn(engineer.username(), engineer.password());

		// a POST through htmx is accepted only with the CSRF header the page adds
		open("/");
		((JavascriptExecutor) browser).executeScript("htmx.ajax('POST', '/logout', {target: '#applications'})");
		waitUntil(driver -> {
			open("/");
			return driver.getCurrentUrl().endsWith("/login");
		});

		// the session ends while the page is open: the next htmx request reloads the
		// page,
		// which lands on the sign-in form instead of showing it inside the list
		signIn(engineer.username(), engineer.password());
		open("/");
		browser.manage().deleteCookieNamed("JSESSIONID");
		find("#q").sendKeys("x");
		waitUntil(driver -> driver.getCurrentUrl().endsWith("/login"));
		assertThat(findAll("#applications")).isEmpty();
		assertThat(find("h1").getText()).isEqualTo("Sign in");
	}

}
