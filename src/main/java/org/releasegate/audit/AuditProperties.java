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
 */
@ConfigurationProperties("releasegate.audit")
@Validated
record AuditProperties(@DefaultValue("150") @Min(10) long sealIntervalMs, @DefaultValue("2000") @Min(1) int sealBatch,
		@DefaultValue("600000") @Min(1000) long verifyIntervalMs, @DefaultValue("1000") @Min(1) int exportFetchSize) {
}
