package org.releasegate.identity;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTest {

	/** Spring Security's default rule for header names and values. */
	private static final Pattern DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void acceptsWhatTheDefaultRuleAccepts() {
		for (String value : new String[] { "", "Bearer rg_abc-DEF_123", "application/json; charset=UTF-8",
				"Grüße, 東京 😀", "\u00a0non-breaking", "tab-free ~!@#$%^&*()" }) {
			assertThat(HeaderCharacters.ALLOWED.test(value)).as(value).isTrue();
			assertThat(DEFAULT.matcher(value).matches()).as(value).isTrue();
		}
	}

	@Test
	void rejectsControlCharactersAndUnassignedCodePoints() {
		for (String value : new String[] { "a\nb", "a\rb", "\u0000", "a\tb", "\u007f", "\u0085", "x\u0378y",
				new String(Character.toChars(0x10FFFE)) }) {
			assertThat(HeaderCharacters.ALLOWED.test(value)).as(value).isFalse();
			assertThat(DEFAULT.matcher(value).matches()).as(value).isFalse();
		}
	}

	@Test
	void agreesWithTheDefaultRuleOnEveryBasicMultilingualPlaneCharacter() {
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			String value = "a" + c + "b";
			assertThat(HeaderCharacters.ALLOWED.test(value)).as("U+%04X", (int) c)
				.isEqualTo(DEFAULT.matcher(value).matches());
		}
	}

}
