package org.releasegate.traffic.adapter.pull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.MemberShares;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TraefikConfigurationTest {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void isTraefiksWeightedServiceFormat() {
		Map<String, Double> shares = new LinkedHashMap<>();
		shares.put("checkout-v1@file", 90.0);
		shares.put("checkout-v2@file", 10.0);
		String rendered = json
			.writeValueAsString(TraefikConfiguration.of("checkout-production", new MemberShares(shares)));
		assertThat(rendered).isEqualTo("{\"http\":{\"services\":{\"checkout-production\":{\"weighted\":{\"services\":["
				+ "{\"name\":\"checkout-v1@file\",\"weight\":90},{\"name\":\"checkout-v2@file\",\"weight\":10}]}}}}}");
	}

	@Test
	void fractionalSharesKeepTheirRatio() {
		TraefikConfiguration configuration = TraefikConfiguration.of("k",
				new MemberShares(Map.of("a", 95.0, "b", 2.5, "c", 2.5)));
		assertThat(configuration.http().services().get("k").weighted().services())
			.extracting(TraefikConfiguration.Child::weight)
			.containsExactlyInAnyOrder(950, 25, 25);
	}

	@Test
	void theKeyIsPartOfAUrlSoItIsChecked() {
		assertThat(PullAdapter.key(new BindingSettings(Map.of("key", "checkout-production"))))
			.isEqualTo("checkout-production");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PullAdapter.key(new BindingSettings(Map.of("key", "a/b"))))
			.withMessageContaining("key");
		assertThatIllegalArgumentException().isThrownBy(() -> PullAdapter.key(new BindingSettings(Map.of())))
			.withMessageContaining("key");
	}

}
