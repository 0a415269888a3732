package org.releasegate.releases;

/** A request value breaks a rule that names its field: 400 with the field named. */
class InvalidField extends IllegalArgumentException {

	private final String field;

	InvalidField(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	String field() {
		return field;
	}

	String reason() {
		return getMessage().substring(field.length() + 2);
	}

	/** The same problem, seen from an enclosing field (e.g. {@code strategy}). */
	InvalidField within(String parent) {
		return new InvalidField(parent + (field.startsWith("[") ? "" : ".") + field, reason());
	}

}
