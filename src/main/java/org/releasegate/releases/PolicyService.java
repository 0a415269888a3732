package org.releasegate.releases;

import java.time.Clock;
import java.util.regex.Pattern;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and sets the release policy of an application in an environment. */
@Service
@Transactional
class PolicyService {

	private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private final ReleasePolicies policies;

	private final ApplicationCatalog applications;

	private final AuditLog audit;

	private final Clock clock;

	PolicyService(ReleasePolicies policies, ApplicationCatalog applications, AuditLog audit, Clock clock) {
		this.policies = policies;
		this.applications = applications;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PolicyView get(String application, String environment) {
		requireKnown(application, environment);
		return policies.findByApplicationAndEnvironment(application, environment)
			.map(this::view)
			.orElseGet(() -> PolicyView.of(application, environment, PolicyRules.DEFAULTS, null, null, false));
	}

	PolicyView put(String application, String environment, PolicyRequest request) {
		requireKnown(application, environment);
		PolicyRules rules = request.toRules();
		ReleasePolicy policy = policies.findByApplicationAndEnvironment(application, environment)
			.orElseGet(() -> new ReleasePolicy(application, environment));
		PolicyView before = view(policy);
		policy.change(rules, Actor.current().name(), clock.instant());
		PolicyView after = view(policies.saveAndFlush(policy));
		audit.record(AuditEntry.of("release-policy.changed", "release-policy", application + "/" + environment)
			.in(application, environment)
			.before(before)
			.after(after));
		return after;
	}

	private void requireKnown(String application, String environment) {
		if (!applications.exists(application)) {
			throw new NotFoundException("no application " + application);
		}
		if (!ENVIRONMENT.matcher(environment).matches()) {
			throw new InvalidField("environment", "must be a lowercase DNS label (a-z, 0-9, '-')");
		}
	}

	private PolicyView view(ReleasePolicy policy) {
		return PolicyView.of(policy.application(), policy.environment(), policy.rules(), policy.updatedBy(),
				policy.updatedAt(), policy.updatedAt() != null);
	}

}
