package org.releasegate.traffic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A traffic split: whole percent of user traffic per deployment, summing to 100.
 * Deployments not named receive nothing.
 */
public record Split(Map<UUID, Integer> percentByDeployment) {

	public Split {
		if (percentByDeployment == null || percentByDeployment.isEmpty()) {
			throw new IllegalArgumentException("a split names at least one deployment");
		}
		Map<UUID, Integer> copy = new LinkedHashMap<>();
		int total = 0;
		for (Map.Entry<UUID, Integer> share : percentByDeployment.entrySet()) {
			Integer percent = share.getValue();
			if (share.getKey() == null || percent == null || percent < 0 || percent > 100) {
				throw new IllegalArgumentException("each share of a split must be a whole percent within 0..100");
			}
			copy.put(share.getKey(), percent);
			total += percent;
		}
		if (total != 100) {
			throw new IllegalArgumentException("a split must sum to 100%, not " + total + "%");
		}
		percentByDeployment = Collections.unmodifiableMap(copy);
	}

	/** All traffic to one deployment. */
	public static Split all(UUID deployment) {
		return new Split(Map.of(deployment, 100));
	}

	public int percentOf(UUID deployment) {
		return percentByDeployment.getOrDefault(deployment, 0);
	}

	/** The deployment that holds 100%, if one does. */
	public Optional<UUID> holder() {
		return percentByDeployment.entrySet()
			.stream()
			.filter(share -> share.getValue() == 100)
			.map(Map.Entry::getKey)
			.findFirst();
	}

}
