package org.releasegate.releases;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFormTest {

	@Test
	void whatTheApplicationPageShowsCanBeSavedAsItStands() {
		PolicyRules rules = new PolicyForm("2", "0", "PT2H", "Mon,Tue,Wed 09:00-16:00 Europe/Berlin\n\n",
				"2026-11-27T00:00+01:00 2026-11-30T00:00+01:00 Black Friday", "smoke-tests Smoke tests passed")
			.toRequest()
			.toRules();
		assertThat(rules.requiredApprovals()).isEqualTo(2);
		assertThat(rules.releaseWindows().get(0).days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
				DayOfWeek.WEDNESDAY);
		ReleaseCatalog.PolicySummary shown = CatalogOfReleases.summary("production", rules, null, null, true);
		assertThat(shown.releaseWindows()).containsExactly("Mon,Tue,Wed 09:00-16:00 Europe/Berlin");
		assertThat(shown.freezes()).containsExactly("2026-11-26T23:00:00Z 2026-11-29T23:00:00Z Black Friday");
		assertThat(shown.customChecks()).containsExactly("smoke-tests Smoke tests passed");

		PolicyRules again = PolicyForm.of(shown).toRequest().toRules();
		assertThat(again).isEqualTo(rules);
	}

	@Test
	void emptyFieldsTakeTheDefaults() {
		assertThat(new PolicyForm("", " ", "", "", "", "").toRequest().toRules()).isEqualTo(PolicyRules.DEFAULTS);
	}

	@Test
	void aBadLineIsNamedByFieldAndLine() {
		assertThatThrownBy(() -> new PolicyForm("1", "5", "", "Mon 09:00-17:00 Europe/Berlin\nSomeday 9-5 UTC", "", "")
			.toRequest()).isInstanceOfSatisfying(InvalidField.class, ex -> {
				assertThat(ex.field()).isEqualTo("releaseWindows");
				assertThat(ex.reason()).isEqualTo("line 2: not a day: Someday");
			});
		assertThatThrownBy(() -> new PolicyForm("many", "5", "", "", "", "").toRequest())
			.isInstanceOfSatisfying(InvalidField.class, ex -> assertThat(ex.field()).isEqualTo("requiredApprovals"));
		assertThatThrownBy(() -> new PolicyForm("1", "5", "soon", "", "", "").toRequest())
			.isInstanceOfSatisfying(InvalidField.class, ex -> assertThat(ex.field()).isEqualTo("autoApproveAfter"));
		assertThat(List.of()).isEmpty();
	}

}
