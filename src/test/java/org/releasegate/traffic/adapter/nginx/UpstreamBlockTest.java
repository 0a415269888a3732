package org.releasegate.traffic.adapter.nginx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamBlockTest {

	static final String FILE = """
			# checkout, managed by ReleaseGate
			upstream other { server 10.0.0.9:80; }
			upstream checkout {
			    zone checkout 64k;
			    server 10.0.0.1:8080 weight=90 max_fails=3;
			    server 10.0.0.2:8080 weight=10;
			    server 10.0.0.3:8080 down;
			    server 10.0.0.4:8080 backup; # spare
			}
			""";

	@Test
	void readsWeightsDownAndBackupAsShares() {
		MemberShares shares = UpstreamBlock.parse(FILE, "checkout").shares();
		assertThat(shares.percentByMember()).containsExactly(Map.entry("10.0.0.1:8080", 90.0),
				Map.entry("10.0.0.2:8080", 10.0), Map.entry("10.0.0.3:8080", 0.0), Map.entry("10.0.0.4:8080", 0.0));
		assertThat(UpstreamBlock.parse(FILE, "other").shares().percentByMember())
			.containsExactly(Map.entry("10.0.0.9:80", 100.0));
	}

	@Test
	void zeroPercentIsDownAndEverythingElseIsKept() {
		String rendered = UpstreamBlock.parse(FILE, "checkout")
			.with(new MemberShares(Map.of("10.0.0.1:8080", 0.0, "10.0.0.2:8080", 97.5, "10.0.0.5:8080", 2.5)))
			.render();
		assertThat(rendered).startsWith("# checkout, managed by ReleaseGate\nupstream other { server 10.0.0.9:80; }\n")
			.contains("    zone checkout 64k;\n")
			.contains("    server 10.0.0.1:8080 max_fails=3 down;\n")
			.contains("    server 10.0.0.2:8080 weight=975;\n")
			.contains("    server 10.0.0.3:8080 down;\n")
			.contains("    server 10.0.0.4:8080 weight=1 backup;\n")
			.contains("    server 10.0.0.5:8080 weight=25;\n")
			.doesNotContain("weight=0");
		MemberShares back = UpstreamBlock.parse(rendered, "checkout").shares();
		assertThat(back.of("10.0.0.2:8080")).isEqualTo(97.5);
		assertThat(back.of("10.0.0.5:8080")).isEqualTo(2.5);
		assertThat(back.of("10.0.0.1:8080")).isZero();
	}

	@Test
	void aMissingBlockIsReported() {
		assertThatThrownBy(() -> UpstreamBlock.parse(FILE, "payments")).isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("upstream payments");
	}

	@Test
	void settingsNameWhatIsWrong(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("x.conf"), "");
		String inside = directory.toString();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NginxSettings.of(new BindingSettings(Map.of("upstream", "checkout"))))
			.withMessageContaining("upstreamFile");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NginxSettings.of(new BindingSettings(
					Map.of("connectionDirectory", inside, "upstreamFile", "../outside.conf", "upstream", "checkout"))))
			.withMessageContaining("upstreamFile")
			.withMessageContaining("regular file");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NginxSettings.of(new BindingSettings(
					Map.of("connectionDirectory", inside, "upstreamFile", "x.conf", "upstream", "a b;"))))
			.withMessageContaining("upstream");
		NginxSettings settings = NginxSettings.of(new BindingSettings(Map.of("connectionDirectory", inside,
				"upstreamFile", "x.conf", "upstream", "checkout", "nginxConfig", "/etc/nginx/nginx.conf")));
		assertThat(settings.testCommand()).containsExactly("/usr/sbin/nginx", "-c", "/etc/nginx/nginx.conf", "-t");
		assertThat(settings.reloadCommand()).containsExactly("/usr/sbin/nginx", "-c", "/etc/nginx/nginx.conf", "-s",
				"reload");
	}

	@Test
	void memberNamesCannotSmuggleDirectives(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("x.conf"), "upstream checkout {\n    server 10.0.0.1:80;\n}\n");
		assertThatThrownBy(() -> new NginxAdapter().apply(
				new BindingSettings(Map.of("connectionDirectory", directory.toString(), "upstreamFile", "x.conf",
						"upstream", "checkout", "testCommand", "/bin/false", "reloadCommand", "/bin/false")),
				new MemberShares(Map.of("10.0.0.1:80; include /etc/passwd", 100.0))))
			.isInstanceOf(LoadBalancerException.class)
			.hasMessageContaining("not an NGINX server address");
	}

}
