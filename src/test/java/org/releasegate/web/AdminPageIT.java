package org.releasegate.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.releasegate.Api;
import org.releasegate.BrowserTest;
import org.releasegate.FullStackTest;

import static org.assertj.core.api.Assertions.assertThat;

@FullStackTest
class AdminPageIT extends BrowserTest {

	@Test
	void aNewTokenIsShownOnceAndWorksAndCanBeRevoked() throws Exception {
		Api.Person engineer = api.person("ENGINEER");
		String name = Api.unique("laptop");
		signIn(engineer.username(), engineer.password());
		open("/admin");
		assertThat(findAll("#users")).as("only admins see people and roles").isEmpty();

		find("#token-name").sendKeys(name);
		find("#new-token button[type=submit]").click();
		waitUntil(driver -> !findAll("#token-secret").isEmpty());
		String secret = find("#token-secret").getAttribute("value");
		assertThat(secret).startsWith("rg_");
		assertThat(find("#tokens [data-token='" + name + "']").getText()).contains("active");
		screenshot("tokens");
		assertAccessible();
		assertNoConsoleErrors();

		api.bearer(secret).get().uri("/api/v1/users/me").exchange().expectStatus().isOk();

		browser.navigate().refresh();
		assertThat(findAll("#token-secret")).as("the secret is shown only once").isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(secret);

		find("#tokens [data-token='" + name + "'] button").click();
		waitUntil(ExpectedConditions.alertIsPresent()).accept();
		waitUntil(driver -> find("#tokens [data-token='" + name + "']").getText().contains("revoked"));
		api.bearer(secret).get().uri("/api/v1/users/me").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anAdminCreatesAPersonAndSeesMistakesBesideTheFields() {
		signIn("admin", Api.ADMIN_PASSWORD);
		open("/admin");
		String username = Api.unique("person");
		find("#user-username").sendKeys(username);
		find("#user-display").sendKeys("Pat Person");
		find("#user-password").sendKeys("short");
		find("#new-user button[type=submit]").click();
		waitUntil(driver -> !findAll("#user-password-error").isEmpty());
		assertThat(find("#user-password-error").getText()).isEqualTo("must be 12 to 128 characters");
		assertThat(find("#user-roles-error").getText()).isNotBlank();
		assertThat(find("#user-username").getAttribute("value")).as("what was typed is kept").isEqualTo(username);

		find("#user-password").sendKeys("a-long-enough-password");
		find("input[name=roles][value=PRODUCT_OWNER]").click();
		find("#new-user button[type=submit]").click();
		waitUntil(driver -> find(".flash-area").getText().contains("Created " + username));
		assertThat(find("#users").getText()).contains(username).contains("Pat Person").contains("product owner");
		api.basic(username, "a-long-enough-password").get().uri("/api/v1/users/me").exchange().expectStatus().isOk();
	}

}
