package org.releasegate.egress;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EgressTest {

	private final Egress policy = Egress.allowing("127.0.0.1/32", "hooks.internal.example", "10.20.0.0/16");

	@Test
	void internalAddressesAreRefusedUnlessListed() {
		for (String url : new String[] { "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8080/",
				"http://[::1]:9090/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
				"http://0.0.0.0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/",
				"ftp://127.0.0.1/" }) {
			assertThatExceptionOfType(EgressRefused.class).as(url)
				.isThrownBy(() -> policy.check(URI.create(url)))
				.withMessage("the egress policy does not allow this address");
		}
		assertThat(policy.check(URI.create("http://127.0.0.1:9/")).getAddress().getHostAddress())
			.isEqualTo("127.0.0.1");
		assertThat(policy.check(URI.create("https://10.20.3.4/")).getPort()).isEqualTo(443);
		assertThat(policy.check("93.184.215.14", 443).getAddress().getHostAddress()).isEqualTo("93.184.215.14");
	}

	@Test
	void publicAddressesNeedListingWhenThePolicySaysSo() {
		Egress closed = new Egress(new EgressProperties(java.util.List.of("127.0.0.1/32"), false,
				java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)));
		assertThatExceptionOfType(EgressRefused.class).isThrownBy(() -> closed.check("93.184.215.14", 443));
		assertThat(closed.check("127.0.0.1", 80)).isNotNull();
	}

	@Test
	void credentialsInUrlsAreMasked() {
		assertThat(Masking.urlCredentials("probe https://ci:s3cret@hooks.example.com/x?y=1 failed"))
			.isEqualTo("probe https://******@hooks.example.com/x?y=1 failed");
		assertThat(Masking.urlCredentials("http://hooks.example.com/a@b")).isEqualTo("http://hooks.example.com/a@b");
	}

}
