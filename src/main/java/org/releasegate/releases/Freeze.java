package org.releasegate.releases;

import java.time.Instant;

/** A period in which no release may start, e.g. "Black Friday". */
record Freeze(Instant from, Instant to, String reason) {

	Freeze {
		if (from == null || to == null) {
			throw new InvalidField(from == null ? "from" : "to",
					"a timestamp with offset such as 2026-11-27T00:00:00+01:00 is required");
		}
		if (!to.isAfter(from)) {
			throw new InvalidField("to", "must be after from");
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidField("reason", "say why there is a freeze");
		}
	}

	/** From inclusive, to exclusive. */
	boolean covers(Instant instant) {
		return !instant.isBefore(from) && instant.isBefore(to);
	}

}
