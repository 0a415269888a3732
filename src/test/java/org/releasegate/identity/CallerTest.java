package org.releasegate.identity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule for ownership and confinement, whatever the identity source. */
class CallerTest {

	private static Caller caller(String name, List<Role> roles, List<String> applications, boolean confined) {
		return Caller.of(name, Caller.authorities(roles, applications, confined));
	}

	@Test
	void aProductOwnerOwnsWhatListsThemOrWhatTheirGroupsGiveThem() {
		Caller listed = caller("paula", List.of(Role.PRODUCT_OWNER), List.of(), false);
		assertThat(listed.owns("checkout", Set.of("paula"))).isTrue();
		assertThat(listed.owns("payments", Set.of("someone"))).isFalse();

		Caller grouped = caller("olivia", List.of(Role.PRODUCT_OWNER), List.of("checkout"), false);
		assertThat(grouped.owns("checkout", Set.of())).isTrue();
		assertThat(grouped.owns("payments", Set.of())).isFalse();
		assertThat(grouped.mayActOn("payments")).as("people are not confined").isTrue();
	}

	@Test
	void ownershipNeedsTheProductOwnerRole() {
		Caller engineer = caller("ethan", List.of(Role.ENGINEER), List.of("checkout"), false);
		assertThat(engineer.owns("checkout", Set.of("ethan"))).isFalse();
	}

	@Test
	void aConfinedPipelineActsOnItsApplicationsOnly() {
		Caller pipeline = caller("checkout-pipeline", List.of(Role.ENGINEER), List.of("checkout"), true);
		assertThat(pipeline.has(Role.ENGINEER)).isTrue();
		assertThat(pipeline.mayActOn("checkout")).isTrue();
		assertThat(pipeline.mayActOn("payments")).isFalse();
		pipeline.checkMayActOn("checkout");
		assertThatThrownBy(() -> pipeline.checkMayActOn("payments")).isInstanceOf(AccessDeniedException.class)
			.hasMessage("checkout-pipeline may act only on checkout, not on payments");
	}

}
