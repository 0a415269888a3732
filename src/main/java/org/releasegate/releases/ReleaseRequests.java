package org.releasegate.releases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies the releases API accepts, mapped explicitly to domain values. */
final class ReleaseRequests {

	private ReleaseRequests() {
	}

	/** {@code POST /api/v1/releases}. */
	record RequestRelease(@NotBlank @Size(max = 63) String application,
			@NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
					message = "must be a lowercase DNS label (a-z, 0-9, '-')") String environment,
			@NotBlank @Size(max = 128) String candidateVersion, @NotNull @Valid StrategyBody strategy,
			OffsetDateTime scheduledStart, @Size(max = 200) String onCallContact, @Size(max = 2000) String summary,
			@Size(max = 1024) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String ticketUrl) {
	}

	/**
	 * A strategy as sent: all at once, or canary steps, and optionally how a rollback
	 * moves traffic back (INSTANT when absent).
	 */
	record StrategyBody(@NotNull Strategy.Type type, @Size(max = 20) List<@NotNull @Valid StepBody> steps,
			@Valid RollbackBody rollback) {

		StrategyBody(Strategy.Type type, List<StepBody> steps) {
			this(type, steps, null);
		}

		Strategy toStrategy() {
			List<Strategy.Step> mapped = new ArrayList<>();
			List<StepBody> given = steps == null ? List.of() : steps;
			for (int i = 0; i < given.size(); i++) {
				StepBody step = given.get(i);
				try {
					mapped.add(new Strategy.Step(step.weight(), step.pause(),
							Boolean.TRUE.equals(step.requiresConfirmation())));
				}
				catch (InvalidField invalid) {
					throw invalid.within("strategy.steps[" + i + "]");
				}
			}
			Strategy.Rollback back;
			try {
				back = rollback == null ? Strategy.Rollback.INSTANT
						: new Strategy.Rollback(rollback.mode(), rollback.stepPause());
			}
			catch (InvalidField invalid) {
				throw invalid.within("strategy.rollback");
			}
			try {
				return new Strategy(type, mapped, back);
			}
			catch (InvalidField invalid) {
				throw invalid.within("strategy");
			}
		}

	}

	/**
	 * How a rollback moves traffic back, e.g. {@code {"mode": "GRADUAL", "stepPause":
	 * "PT30S"}}.
	 */
	record RollbackBody(@NotNull Strategy.Rollback.Mode mode, Duration stepPause) {
	}

	/** One canary step as sent; the pause is an ISO-8601 duration such as "PT5M". */
	record StepBody(@NotNull Integer weight, @NotNull Duration pause, Boolean requiresConfirmation) {
	}

	/** {@code POST /api/v1/releases/{id}/approvals}. */
	record Decide(@NotNull Approval.Decision decision, @Size(max = 2000) String comment) {
	}

	/**
	 * {@code PUT /api/v1/releases/{id}/plan}: the strategy and schedule replace the old
	 * ones; an absent on-call contact keeps the one named before.
	 */
	record ChangePlan(@NotNull @Valid StrategyBody strategy, OffsetDateTime scheduledStart,
			@Size(max = 200) String onCallContact) {
	}

	/** {@code POST /api/v1/releases/{id}/cancel}, body optional. */
	record Cancel(@Size(max = 2000) String reason) {
	}

	/** {@code POST /api/v1/releases/{id}/checklist/{key}}. */
	record Mark(@NotNull Action action, @NotBlank @Size(max = 2000) String comment) {

		enum Action {

			ATTEST, WAIVE

		}

	}

	/** {@code POST /api/v1/releases/{id}/start}, body optional. */
	record Start(Boolean override, @Size(max = 2000) String reason) {
	}

	/**
	 * {@code POST /api/v1/releases/{id}/rollback}: the mode defaults to the plan's;
	 * INSTANT also ends a gradual rollback now.
	 */
	record RollBack(@NotBlank @Size(max = 2000) String reason, Strategy.Rollback.Mode mode) {

		RollBack(String reason) {
			this(reason, null);
		}

	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
