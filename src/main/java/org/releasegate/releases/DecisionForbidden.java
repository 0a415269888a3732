package org.releasegate.releases;

/**
 * The caller may not take this decision on this release (four eyes, not an owner, not the
 * requester): 403, saying which rule stopped it.
 */
class DecisionForbidden extends RuntimeException {

	DecisionForbidden(String message) {
		super(message);
	}

}
