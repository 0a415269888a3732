package org.releasegate.identity;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminPassword password of the {@code admin} account created on an empty
 * database; blank for a random one printed once in the log
 * @param defaultTokenDays lifetime of an API token when the request names none
 * @param maxTokenDays the longest lifetime a token may be given
 * @param tokenCacheSeconds how long a checked bearer token is trusted without asking the
 * database again (0 to always ask)
 */
@ConfigurationProperties("releasegate.identity")
@Validated
record IdentityProperties(String adminPassword, @DefaultValue("90") @Min(1) int defaultTokenDays,
		@DefaultValue("365") @Min(1) int maxTokenDays, @DefaultValue("5") @Min(0) int tokenCacheSeconds) {
}
