package org.releasegate.releases;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Approves REQUESTED releases that became ready while nobody looked (a soak passed, a
 * policy's quiet period ended). Safe on several instances: each release is settled under
 * its row lock, and one that is already APPROVED stays as it is.
 */
@Component
class ReleaseSettler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReleaseSettler.class);

	private final ReleaseService releases;

	private final ReleaseProperties properties;

	ReleaseSettler(ReleaseService releases, ReleaseProperties properties) {
		this.releases = releases;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::settleRequested, properties.settleEvery());
	}

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
