package org.releasegate.releases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The release policy an application has set for one environment. */
@Entity
@Table(name = "release_policies")
class ReleasePolicy {

	@Id
	private UUID id;

	private String application;

	private String environment;

	@Convert(converter = PolicyRulesConverter.class)
	private PolicyRules rules;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private Integer revision;

	protected ReleasePolicy() {
	}

	ReleasePolicy(String application, String environment) {
		this.id = UUID.randomUUID();
		this.application = application;
		this.environment = environment;
		this.rules = PolicyRules.DEFAULTS;
	}

	ReleasePolicy change(PolicyRules rules, String byActor, Instant now) {
		this.rules = rules;
		this.updatedBy = byActor;
		this.updatedAt = now;
		return this;
	}

	String application() {
		return application;
	}

	String environment() {
		return environment;
	}

	PolicyRules rules() {
		return rules;
	}

	String updatedBy() {
		return updatedBy;
	}

	Instant updatedAt() {
		return updatedAt;
	}

}
