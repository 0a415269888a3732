package org.releasegate.traffic.adapter;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adapter-specific settings of a router binding, e.g. socket address and backend
 * name.
 */
public record BindingSettings(Map<String, String> values) {

	/**
	 * Names match whatever their case and dashes, as Spring's relaxed binding hands them
	 * over ({@code upstreamFile}, {@code upstream-file}, {@code UPSTREAMFILE} from an
	 * environment variable).
	 */
	private static final java.util.Comparator<String> RELAXED = java.util.Comparator
		.comparing((String name) -> name.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT));

	public BindingSettings {
		TreeMap<String, String> relaxed = new TreeMap<>(RELAXED);
		relaxed.putAll(values);
		values = Collections.unmodifiableMap(relaxed);
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
