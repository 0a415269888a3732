package org.releasegate.traffic.adapter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adapter-specific settings of a router binding, e.g. socket address and backend
 * name.
 */
public record BindingSettings(Map<String, String> values) {

	public BindingSettings {
		values = Collections.unmodifiableMap(new TreeMap<>(values));
	}

	/** The value of a setting that must be present. */
	public String require(String key) {
		String value = values.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("setting '" + key + "' is required");
		}
		return value;
	}

	public String get(String key, String fallback) {
		String value = values.get(key);
		return value == null || value.isBlank() ? fallback : value;
	}

	public boolean flag(String key) {
		return Boolean.parseBoolean(values.get(key));
	}

}
