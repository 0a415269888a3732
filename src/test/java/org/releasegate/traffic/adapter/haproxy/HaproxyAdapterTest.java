package org.releasegate.traffic.adapter.haproxy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.releasegate.traffic.HaproxyProcess;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

/**
 * The adapter against a real HAProxy (servers point at closed ports: no traffic needed).
 */
class HaproxyAdapterTest {

	private final HaproxyAdapter adapter = new HaproxyAdapter(
			org.releasegate.egress.Egress.allowing("127.0.0.1/32", "localhost"));

	private HaproxyProcess haproxy;

	@BeforeEach
	void startHaproxy() throws Exception {
		HaproxyProcess.assumeInstalled();
		haproxy = HaproxyProcess.startNamedExactly("shop", "server blue 127.0.0.1:1 weight 256",
				"server green 127.0.0.1:2 weight 0");
	}

	@AfterEach
	void stopHaproxy() {
		if (haproxy != null) {
			haproxy.close();
		}
	}

	@Test
	void readsTheWeightsOfABackend() {
		MemberShares observed = adapter.observe(settings(haproxy.unixAddress(), false));
		assertThat(observed.percentByMember()).containsEntry("blue", 100.0).containsEntry("green", 0.0);
	}

	@Test
	void setsAbsoluteWeightsOverUnixAndTcp() throws Exception {
		adapter.apply(settings(haproxy.unixAddress(), false), new MemberShares(Map.of("blue", 90.0, "green", 10.0)));
		assertThat(haproxy.weight("shop", "blue")).isEqualTo(230);
		assertThat(haproxy.weight("shop", "green")).isEqualTo(26);

		BindingSettings tcp = settings(haproxy.tcpAddress(), false);
		adapter.apply(tcp, new MemberShares(Map.of("blue", 0.0, "green", 100.0)));
		assertThat(haproxy.weight("shop", "blue")).isZero();
		assertThat(haproxy.weight("shop", "green")).isEqualTo(256);
		assertThat(adapter.observe(tcp).of("green")).isCloseTo(100.0, offset(0.01));
	}

	@Test
	void drainsServersThatGetNothingWhenAsked() throws Exception {
		BindingSettings drain = settings(haproxy.unixAddress(), true);
		adapter.apply(drain, new MemberShares(Map.of("blue", 0.0, "green", 100.0)));
		assertThat(haproxy.command("show servers state shop")).containsPattern("shop \\d+ blue \\S+ \\d+ (8|16|24) ");
		adapter.apply(drain, new MemberShares(Map.of("blue", 100.0, "green", 0.0)));
		assertThat(haproxy.command("show servers state shop")).containsPattern("shop \\d+ blue \\S+ \\d+ 0 256 ");
		assertThat(adapter.observe(drain).of("blue")).isEqualTo(100.0);
	}

	@Test
	void saysWhatWentWrong() {
		assertThatExceptionOfType(LoadBalancerException.class)
			.isThrownBy(() -> adapter.apply(settings(haproxy.unixAddress(), false),
					new MemberShares(Map.of("blue", 50.0, "nobody", 50.0))))
			.withMessageContaining("No such server");
		assertThatExceptionOfType(LoadBalancerException.class)
			.isThrownBy(() -> adapter
				.observe(new BindingSettings(Map.of("address", haproxy.unixAddress(), "backend", "missing"))))
			.withMessageContaining("missing");
		haproxy.stop();
		assertThatExceptionOfType(LoadBalancerException.class)
			.isThrownBy(() -> adapter.observe(settings(haproxy.unixAddress(), false)))
			.withMessageContaining("unreachable");
		assertThatExceptionOfType(LoadBalancerException.class)
			.isThrownBy(() -> adapter.observe(settings(haproxy.tcpAddress(), false)))
			.withMessageContaining("unreachable");
	}

	@Test
	void validatesSettingsWithoutConnecting() {
		adapter.validate(settings("tcp:localhost:9999", false));
		assertThatIllegalArgumentException().isThrownBy(() -> adapter.validate(settings("http://x", false)))
			.withMessageContaining("address");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(Map.of("address", "unix:/x"))))
			.withMessageContaining("backend");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> adapter.validate(new BindingSettings(Map.of("address", "unix:/x", "backend", "a b"))));
	}

	private static BindingSettings settings(String address, boolean drain) {
		return new BindingSettings(Map.of("address", address, "backend", "shop", "drain", String.valueOf(drain)));
	}

}
