package org.releasegate.releases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReleasePolicies extends JpaRepository<ReleasePolicy, UUID> {

	Optional<ReleasePolicy> findByApplicationAndEnvironment(String application, String environment);

	List<ReleasePolicy> findByApplicationOrderByEnvironment(String application);

	default PolicyRules rulesFor(String application, String environment) {
		return findByApplicationAndEnvironment(application, environment).map(ReleasePolicy::rules)
			.orElse(PolicyRules.DEFAULTS);
	}

}
