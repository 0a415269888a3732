package org.releasegate.audit;

/**
 * The outcome of walking the audit hash chain.
 *
 * @param valid whether every sealed event still matches its link and every link follows
 * the one before
 * @param checkedEvents how many sealed events were checked (up to and including the first
 * broken one)
 * @param firstBrokenEventId the id of the first event whose content, link or place in the
 * chain does not match, or null
 * @param unsealedEvents events recorded but not yet sealed into the chain (normally only
 * those of the last fraction of a second)
 * @param unkeyedEvents sealed events whose links are plain SHA-256 (sealed before an
 * audit key was configured, or without one): anyone who can write the database could have
 * recomputed those
 * @param problem what is wrong at the first broken event, or null
 */
public record ChainVerification(boolean valid, long checkedEvents, Long firstBrokenEventId, long unsealedEvents,
		long unkeyedEvents, String problem) {
}
