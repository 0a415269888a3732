/**
 * Notifications: people and channels learn that a release needs them, with a link to act.
 * Domain events are turned into delivery rows of an outbox in the transaction of the
 * change; a poller delivers them after commit by email, Slack, Microsoft Teams or a
 * CloudEvents webhook, and retries with backoff.
 */
package org.releasegate.notifications;
