package org.releasegate.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.releasegate.FullStackTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser downloads: compressed, and assets it keeps instead of fetching again.
 */
@FullStackTest
class WebAssetsIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void pagesLinkAssetsByContentHashAndAssetsAreCachedForAYear() throws Exception {
		HttpResponse<String> login = get("/login", false);
		Matcher css = Pattern.compile("href=\"(/css/releasegate-[0-9a-f]{32}\\.css)\"").matcher(login.body());
		assertThat(css.find()).as("the stylesheet link carries a content hash: %s", login.body()).isTrue();
		Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+-[0-9a-f]{32}\\.js)\"").matcher(login.body());
		assertThat(htmx.find()).as("htmx is linked by content hash").isTrue();

		for (String asset : new String[] { css.group(1), htmx.group(1) }) {
			HttpResponse<String> response = get(asset, false);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000")
					.contains("public")
					.doesNotContain("no-store"));
		}
	}

	@Test
	void textIsGzippedForClientsThatAcceptIt() throws Exception {
		HttpResponse<String> css = get("/css/releasegate.css", true);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(get("/login", true).headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(get("/css/releasegate.css", false).headers().firstValue("Content-Encoding")).isEmpty();
	}

	private HttpResponse<String> get(String path, boolean gzip) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
