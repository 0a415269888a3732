package org.releasegate.audit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sealIntervalMs how often the sealer looks for unsealed events besides being
 * woken after each commit that recorded one
 * @param sealBatch the most events sealed in one transaction
 * @param verifyIntervalMs how often the whole chain is verified in the background
 * @param exportFetchSize rows fetched from PostgreSQL at a time while exporting
 * @param key the secret the chain's links are keyed with (HMAC-SHA256), held outside the
 * database ({@code RELEASEGATE_AUDIT_KEY}); blank for plain SHA-256 links, which anyone
 * who can write the database can recompute; at least 32 characters when set
 * @param publishHeadIntervalMs how often the chain's head (its last sequence number and
 * hash) is written to the log and published as metrics, so a copy exists outside the
 * database
 */
@ConfigurationProperties("releasegate.audit")
@Validated
record AuditProperties(@DefaultValue("150") @Min(10) long sealIntervalMs, @DefaultValue("2000") @Min(1) int sealBatch,
		@DefaultValue("600000") @Min(1000) long verifyIntervalMs, @DefaultValue("1000") @Min(1) int exportFetchSize,
		String key, @DefaultValue("300000") @Min(1000) long publishHeadIntervalMs) {

	AuditProperties {
		if (key != null && !key.isBlank() && key.length() < 32) {
			throw new IllegalArgumentException("releasegate.audit.key (RELEASEGATE_AUDIT_KEY) must have at least 32 "
					+ "characters, e.g. the output of: openssl rand -base64 32");
		}
	}

	boolean keyed() {
		return key != null && !key.isBlank();
	}
}
