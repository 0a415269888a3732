package org.releasegate.releases;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The release policy of an application in an environment. Defaults: one approval, five
 * minutes of soak, no window restriction, no freeze, no policy approval.
 */
record PolicyRules(int requiredApprovals, int soakMinutes, List<ReleaseWindow> releaseWindows, List<Freeze> freezes,
		List<CustomCheck> customChecks, Duration autoApproveAfter) {

	static final PolicyRules DEFAULTS = new PolicyRules(1, 5, List.of(), List.of(), List.of(), null);

	PolicyRules {
		if (requiredApprovals < 1 || requiredApprovals > 50) {
			throw new InvalidField("requiredApprovals", "must lie within 1..50");
		}
		if (soakMinutes < 0 || soakMinutes > 7 * 24 * 60) {
			throw new InvalidField("soakMinutes", "must lie within 0..10080 (one week)");
		}
		releaseWindows = releaseWindows == null ? List.of() : List.copyOf(releaseWindows);
		freezes = freezes == null ? List.of() : List.copyOf(freezes);
		customChecks = customChecks == null ? List.of() : List.copyOf(customChecks);
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < customChecks.size(); i++) {
			if (!keys.add(customChecks.get(i).key())) {
				throw new InvalidField("customChecks[" + i + "].key", "appears twice");
			}
		}
		if (autoApproveAfter != null && (autoApproveAfter.isNegative() || autoApproveAfter.isZero())) {
			throw new InvalidField("autoApproveAfter", "must be a positive ISO-8601 duration such as PT2H, or null");
		}
	}

}
