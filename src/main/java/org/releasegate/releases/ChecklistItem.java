package org.releasegate.releases;

import java.time.Instant;
import java.util.List;

/** One line of a release's checklist as last evaluated, with the evidence for it. */
record ChecklistItem(String key, String title, Status status, String evidence, Instant evaluatedAt,
		String evaluatedBy) {

	static final String SOAK = "soak";

	static final String NORMAL_BEHAVIOUR = "normal-behaviour";

	static final String ROLLBACK_PATH = "rollback-path";

	static final String PRODUCT_READY = "product-ready";

	static final String RELEASE_WINDOW = "release-window";

	static final String CONTACT = "contact";

	static final List<String> DEFAULT_KEYS = List.of(SOAK, NORMAL_BEHAVIOUR, ROLLBACK_PATH, PRODUCT_READY,
			RELEASE_WINDOW, CONTACT);

	/** Items a person attests (the others the system evaluates). */
	static final List<String> ATTESTABLE_DEFAULTS = List.of(NORMAL_BEHAVIOUR);

	enum Status {

		PENDING, PASSED, FAILED, WAIVED;

		boolean isGreen() {
			return this == PASSED || this == WAIVED;
		}

	}

	static final String SYSTEM = "system";

	/** Whether an engineer attests this item (the defaults but one are evaluated). */
	public boolean attestable() {
		return !DEFAULT_KEYS.contains(key) || ATTESTABLE_DEFAULTS.contains(key);
	}

	/**
	 * Whether a release manager may waive it: anything but the product owners' approval.
	 */
	public boolean waivable() {
		return !PRODUCT_READY.equals(key) && !status.isGreen();
	}

}
