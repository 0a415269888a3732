package org.releasegate.releases;

import java.util.regex.Pattern;

/** A checklist item an application adds to the defaults; an engineer attests it. */
record CustomCheck(String key, String title) {

	private static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	CustomCheck {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidField("key", "must be a lowercase label (a-z, 0-9, '-')");
		}
		if (ChecklistItem.DEFAULT_KEYS.contains(key)) {
			throw new InvalidField("key", "'" + key + "' is a default checklist item");
		}
		if (title == null || title.isBlank() || title.length() > 200) {
			throw new InvalidField("title", "a title of at most 200 characters is required");
		}
	}

}
