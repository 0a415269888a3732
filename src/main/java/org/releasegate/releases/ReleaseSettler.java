package org.releasegate.releases;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves REQUESTED releases that became ready while nobody looked (a soak passed, a
 * policy's quiet period ended). Safe on several instances: each release is settled under
 * its row lock.
 */
@Component
class ReleaseSettler {

	private static final Logger log = LoggerFactory.getLogger(ReleaseSettler.class);

	private final ReleaseService releases;

	ReleaseSettler(ReleaseService releases) {
		this.releases = releases;
	}

	@Scheduled(initialDelayString = "${releasegate.releases.settle-every:PT30S}",
			fixedDelayString = "${releasegate.releases.settle-every:PT30S}")
	void settleRequested() {
		for (UUID id : releases.requested()) {
			try {
				if (releases.get(id).readyToApprove()) {
					releases.settle(id);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not settle release {}: {}", id, ex.getMessage());
			}
		}
	}

}
