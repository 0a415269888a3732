package org.releasegate.releases;

import java.time.Duration;
import java.util.List;

/**
 * How traffic moves to the candidate: all at once, or canary steps whose weights strictly
 * increase within 1..100 and end at 100, each followed by a pause.
 */
record Strategy(Type type, List<Step> steps) {

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

	static final Strategy ALL_AT_ONCE = new Strategy(Type.ALL_AT_ONCE, List.of());

	Strategy {
		if (type == null) {
			throw new InvalidField("type", "must be ALL_AT_ONCE or CANARY");
		}
		steps = steps == null ? List.of() : List.copyOf(steps);
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
		if (steps == null || steps.isBlank()) {
			return new Strategy(type, List.of());
		}
		return new Strategy(type, java.util.Arrays.stream(steps.split(";")).map(text -> {
			String[] parts = text.split(":");
			return new Step(Integer.parseInt(parts[0]), Duration.parse(parts[1]), Boolean.parseBoolean(parts[2]));
		}).toList());
	}

}
