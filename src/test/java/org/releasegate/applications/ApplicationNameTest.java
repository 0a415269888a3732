package org.releasegate.applications;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApplicationNameTest {

	@ParameterizedTest
	@ValueSource(strings = { "checkout", "a", "web-2", "0abc" })
	void acceptsDnsLabels(String name) {
		assertThat(new ApplicationName(name).value()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Checkout", "-web", "web-", "check_out", "web.app" })
	void rejectsAnythingElse(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationName(name));
	}

	@Test
	void rejectsLabelsOver63Characters() {
		assertThat(new ApplicationName("a".repeat(63)).value()).hasSize(63);
		assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationName("a".repeat(64)));
	}

}
