package org.releasegate.egress;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowed host names ({@code hooks.example.com}, {@code *.example.com}) or
 * networks in CIDR form ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}) that outbound calls
 * may reach even when they are loopback, link-local or private
 * @param publicAllowed whether public (globally routed) addresses may be reached without
 * being listed
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long an answer may take once connected
 */
@ConfigurationProperties("releasegate.egress")
@Validated
record EgressProperties(@DefaultValue List<String> allowed, @DefaultValue("true") boolean publicAllowed,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("5s") Duration readTimeout) {
}
