package org.releasegate.releases;

import java.time.Clock;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Configures health gates: the change and its audit event commit together. */
@Service
class GateService {

	private final GateStore gates;

	private final ApplicationCatalog applications;

	private final AuditLog audit;

	private final Clock clock;

	GateService(GateStore gates, ApplicationCatalog applications, AuditLog audit, Clock clock) {
		this.gates = gates;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The gates in force: those configured, or the default. */
	@Transactional(readOnly = true)
	HealthGates inForce(String application, String environment) {
		if (!applications.exists(application)) {
			throw new NotFoundException("no application " + application);
		}
		return gates.effective(application, environment);
	}

	/**
	 * Turning reported health off weakens every later release of the environment: the
	 * audit event names it.
	 */
	@Transactional
	HealthGates configure(String application, String environment, HealthGates config) {
		if (!applications.exists(application)) {
			throw new NotFoundException("no application " + application);
		}
		HealthGates before = gates.effective(application, environment);
		gates.save(application, environment, config, Caller.current().name(), clock.instant());
		String action = before.reportedHealth() && !config.reportedHealth() ? "release.reported-health-gate-turned-off"
				: "release.gates-configured";
		audit.record(AuditEntry.of(action, "health-gates", application + "/" + environment)
			.in(application, environment)
			.before(before)
			.after(config));
		return config;
	}

}
