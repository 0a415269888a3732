package org.releasegate.common;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address people use to reach this service ({@code RELEASEGATE_PUBLIC_URL}). Links in
 * messages and redirects are built from it, never from a request's {@code Host} header,
 * which a client may forge.
 *
 * @param publicUrl absolute http(s) URL without query or fragment, e.g.
 * {@code https://releasegate.example.com}
 */
@ConfigurationProperties("releasegate")
public record PublicUrl(@DefaultValue("http://localhost:8080") URI publicUrl) {

	public PublicUrl {
		String scheme = publicUrl.getScheme();
		if (!publicUrl.isAbsolute() || publicUrl.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
				|| publicUrl.getQuery() != null || publicUrl.getFragment() != null) {
			throw new IllegalArgumentException(
					"releasegate.public-url must be an absolute http or https URL without query or fragment");
		}
	}

	/** The absolute URL of a path of this service, e.g. {@code link("/releases/42")}. */
	public String link(String path) {
		return UriComponentsBuilder.fromUri(publicUrl).path(path).build().toUriString();
	}

}
