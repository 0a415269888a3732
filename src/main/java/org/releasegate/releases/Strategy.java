package org.releasegate.releases;

import java.time.Duration;
import java.util.List;

/**
 * How traffic moves to the candidate: all at once, or canary steps whose weights strictly
 * increase within 1..100 and end at 100, each followed by a pause; and how it moves back
 * when a person rolls the release back.
 */
record Strategy(Type type, List<Step> steps, Rollback rollback) {

	enum Type {

		ALL_AT_ONCE, CANARY

	}

	/**
	 * One canary step: the candidate's share, how long to hold it, and whether a person
	 * must confirm before the next step.
	 */
	record Step(int weight, Duration pause, boolean requiresConfirmation) {

		Step {
			if (weight < 1 || weight > 100) {
				throw new InvalidField("weight", "must lie within 1..100");
			}
			if (pause == null || pause.isNegative()) {
				throw new InvalidField("pause", "must be an ISO-8601 duration such as PT5M, not negative");
			}
		}

	}

	/**
	 * How a rollback asked for by a person moves traffic back: all at once (INSTANT), or
	 * GRADUAL, walking the canary's steps back one {@code stepPause} apart so that a
	 * scaled-down stable deployment is not hit by all traffic at once.
	 */
	record Rollback(Mode mode, Duration stepPause) {

		enum Mode {

			INSTANT, GRADUAL

		}

		static final Rollback INSTANT = new Rollback(Mode.INSTANT, null);

		Rollback {
			if (mode == null) {
				throw new InvalidField("mode", "must be INSTANT or GRADUAL");
			}
			if (mode == Mode.GRADUAL && (stepPause == null || stepPause.isNegative() || stepPause.isZero())) {
				throw new InvalidField("stepPause",
						"a GRADUAL rollback needs a positive ISO-8601 duration between its steps, such as PT30S");
			}
			if (mode == Mode.INSTANT && stepPause != null) {
				throw new InvalidField("stepPause", "an INSTANT rollback has no stepPause");
			}
		}

		boolean gradual() {
			return mode == Mode.GRADUAL;
		}

	}

	static final Strategy ALL_AT_ONCE = new Strategy(Type.ALL_AT_ONCE, List.of());

	/** A strategy whose rollback is instant. */
	Strategy(Type type, List<Step> steps) {
		this(type, steps, Rollback.INSTANT);
	}

	Strategy {
		if (type == null) {
			throw new InvalidField("type", "must be ALL_AT_ONCE or CANARY");
		}
		steps = steps == null ? List.of() : List.copyOf(steps);
		rollback = rollback == null ? Rollback.INSTANT : rollback;
		if (type == Type.ALL_AT_ONCE && !steps.isEmpty()) {
			throw new InvalidField("steps", "an ALL_AT_ONCE release has no steps");
		}
		if (type == Type.CANARY) {
			if (steps.isEmpty()) {
				throw new InvalidField("steps", "a CANARY release needs at least one step");
			}
			for (int i = 1; i < steps.size(); i++) {
				if (steps.get(i).weight() <= steps.get(i - 1).weight()) {
					throw new InvalidField("steps[" + i + "].weight", "canary weights must strictly increase");
				}
			}
			if (steps.get(steps.size() - 1).weight() != 100) {
				throw new InvalidField("steps[" + (steps.size() - 1) + "].weight", "the last canary step must be 100");
			}
		}
		if (rollback.gradual() && steps.size() < 2) {
			throw new InvalidField("rollback.mode", type == Type.ALL_AT_ONCE
					? "an ALL_AT_ONCE release has no steps to walk back: its rollback is INSTANT"
					: "a GRADUAL rollback walks the canary's steps back; a single step leaves none: use INSTANT");
		}
	}

	/**
	 * The steps traffic goes through: an all-at-once release has the single step 100%.
	 */
	List<Step> plan() {
		return type == Type.ALL_AT_ONCE ? List.of(new Step(100, Duration.ZERO, false)) : steps;
	}

	/** Stored as {@code weight:pause:confirm} per step, separated by ';'. */
	String encodeSteps() {
		return String.join(";",
				steps.stream().map(s -> s.weight() + ":" + s.pause() + ":" + s.requiresConfirmation()).toList());
	}

	static Strategy decode(Type type, String steps) {
		return decode(type, steps, Rollback.INSTANT);
	}

	static Strategy decode(Type type, String steps, Rollback rollback) {
		if (steps == null || steps.isBlank()) {
			return new Strategy(type, List.of(), rollback);
		}
		return new Strategy(type, java.util.Arrays.stream(steps.split(";")).map(text -> {
			String[] parts = text.split(":");
			return new Step(Integer.parseInt(parts[0]), Duration.parse(parts[1]), Boolean.parseBoolean(parts[2]));
		}).toList(), rollback);
	}

}
