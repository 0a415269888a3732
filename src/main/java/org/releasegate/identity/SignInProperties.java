package org.releasegate.identity;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on failed sign-ins (form and HTTP Basic), counted per instance.
 *
 * @param maxFailuresPerAccount failed attempts on one account within {@code window} after
 * which that account's sign-ins are refused until the window has passed
 * @param maxFailuresPerAddress the same for one client address, whatever the account
 * @param window how long failures are remembered
 * @param auditEvery how often the failures counted meanwhile are written to the audit
 * log, one event per account (or unknown token) and address with the number of attempts
 */
@ConfigurationProperties("releasegate.identity.sign-in")
@Validated
record SignInProperties(@DefaultValue("5") @Min(1) int maxFailuresPerAccount,
		@DefaultValue("50") @Min(1) int maxFailuresPerAddress, @DefaultValue("PT5M") Duration window,
		@DefaultValue("PT10S") Duration auditEvery) {
}
