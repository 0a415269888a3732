package org.releasegate.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

	private final SecretBox box = new SecretBox(new SecretBox.Settings("a-secrets-key-of-at-least-32-characters"));

	@Test
	void aSealedSecretOpensOnlyWithTheSameKeyAndPurpose() {
		String sealed = box.seal("binding.secret", "hunter2-hunter2-hunter2");
		assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
		assertThat(box.seal("binding.secret", "hunter2-hunter2-hunter2")).isNotEqualTo(sealed);
		assertThat(box.open("binding.secret", sealed)).isEqualTo("hunter2-hunter2-hunter2");
		assertThatThrownBy(() -> box.open("notification.secret", sealed)).isInstanceOf(IllegalStateException.class);
		SecretBox other = new SecretBox(new SecretBox.Settings("another-secrets-key-of-32-characters!"));
		assertThatThrownBy(() -> other.open("binding.secret", sealed)).hasMessageContaining("another");
	}

	@Test
	void withoutAKeyNothingIsSealed() {
		SecretBox none = new SecretBox(new SecretBox.Settings(null));
		assertThatThrownBy(() -> none.seal("x", "y")).hasMessageContaining("RELEASEGATE_SECRETS_KEY is not set");
		assertThatThrownBy(() -> new SecretBox.Settings("short")).isInstanceOf(IllegalArgumentException.class);
	}

}
