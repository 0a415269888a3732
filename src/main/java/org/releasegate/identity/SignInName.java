package org.releasegate.identity;

/**
 * What a name given at sign-in may be before anything looks it up or records it: at most
 * {@value #MAX_LENGTH} characters (as long as a username may be) and no control
 * characters. Anything else is refused as a failed sign-in without a database query, and
 * recorded only as "an impossible username".
 */
final class SignInName {

	static final int MAX_LENGTH = 64;

	static final String IMPOSSIBLE = "(an impossible username)";

	private SignInName() {
	}

	static boolean isPlausible(String name) {
		if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (Character.isISOControl(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The name as it may be stored in the audit log and logs. */
	static String forRecord(String name) {
		return isPlausible(name) ? name : IMPOSSIBLE;
	}

}
