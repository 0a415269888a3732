package org.releasegate.releases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyRulesConverterTest {

	final PolicyRulesConverter converter = new PolicyRulesConverter();

	@Test
	void rulesReadBackAsWritten() {
		PolicyRules rules = new PolicyRules(2, 30,
				List.of(new ReleaseWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(9, 0),
						LocalTime.of(16, 30), ZoneId.of("America/New_York"))),
				List.of(new Freeze(Instant.parse("2026-11-26T23:00:00Z"), Instant.parse("2026-11-27T23:00:00Z"),
						"Black Friday")),
				List.of(new CustomCheck("docs-updated", "Docs updated")), Duration.ofHours(2));
		String json = converter.convertToDatabaseColumn(rules);
		assertThat(json).contains("\"PT2H\"").contains("America/New_York").contains("16:30");
		assertThat(converter.convertToEntityAttribute(json)).isEqualTo(rules);
		assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(PolicyRules.DEFAULTS)))
			.isEqualTo(PolicyRules.DEFAULTS);
	}

	@Test
	void requestFieldsAreNamed() {
		PolicyRequest request = new PolicyRequest(null, null,
				List.of(new PolicyRequest.WindowBody(Set.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.MIDNIGHT,
						"Mars/Olympus")),
				null, null, null);
		assertThatThrownBy(request::toRules).isInstanceOf(InvalidField.class)
			.satisfies(ex -> assertThat(((InvalidField) ex).field()).isEqualTo("releaseWindows[0].zone"));
		PolicyRequest defaults = new PolicyRequest(null, null, null, null, null, null);
		assertThat(defaults.toRules()).isEqualTo(PolicyRules.DEFAULTS);
		assertThatThrownBy(() -> new PolicyRequest(0, null, null, null, null, null).toRules())
			.isInstanceOf(InvalidField.class)
			.hasMessageStartingWith("requiredApprovals");
		assertThatThrownBy(() -> new PolicyRequest(null, null, null, null,
				List.of(new PolicyRequest.CheckBody("soak", "again")), null)
			.toRules()).isInstanceOf(InvalidField.class).hasMessageStartingWith("customChecks[0].key");
	}

}
