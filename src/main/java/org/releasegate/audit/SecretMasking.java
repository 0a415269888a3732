package org.releasegate.audit;

import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an audit entry's before and after never keep: the value of a field whose name says
 * it is a secret ({@code secret}, {@code password}, {@code token}, {@code credential},
 * {@code apiKey}, ...), and the user-info part of any URL ({@code https://user:pw@host}).
 * Both become {@value #MASK}, so an auditor still sees that the field was there.
 */
final class SecretMasking {

	static final String MASK = "******";

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i).*(secret|password|passwd|token|credential|api[-_]?key|private[-_]?key).*");

	private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]*@");

	private SecretMasking() {
	}

	static JsonNode mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (SECRET_NAME.matcher(field.getKey()).matches() && !field.getValue().isNull()
						&& !field.getValue().isContainer()) {
					object.put(field.getKey(), MASK);
				}
				else {
					object.set(field.getKey(), mask(field.getValue()));
				}
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, mask(array.get(i)));
			}
			return array;
		}
		if (node != null && node.isString()) {
			String text = node.asString();
			String masked = URL_USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
			return masked.equals(text) ? node : tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(masked);
		}
		return node;
	}

}
