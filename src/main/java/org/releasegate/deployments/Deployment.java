package org.releasegate.deployments;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/** One version of an application placed in one environment. */
@Entity
@Table(name = "deployments")
class Deployment extends AbstractAggregateRoot<Deployment> implements Persistable<UUID> {

	@Id
	private UUID id;

	private String application;

	private String environment;

	private String version;

	private String artifact;

	@Column(name = "commit_sha")
	private String commit;

	private String pipelineUrl;

	private String endpoint;

	@Enumerated(EnumType.STRING)
	private DeploymentState state;

	@Enumerated(EnumType.STRING)
	private DeploymentHealth health;

	private String healthDetail;

	private Instant healthReportedAt;

	private int trafficPercent;

	private String recordedBy;

	private Instant recordedAt;

	private String retiredBy;

	private Instant retiredAt;

	@Version
	private int revision;

	@Transient
	private boolean fresh;

	protected Deployment() {
	}

	private Deployment(RecordDeployment command, String recordedBy, Instant now) {
		this.id = UUID.randomUUID();
		this.application = command.application();
		this.environment = command.environment();
		this.version = command.version();
		this.artifact = command.artifact();
		this.commit = command.commit();
		this.pipelineUrl = command.pipelineUrl();
		this.endpoint = command.endpoint().strip();
		this.state = DeploymentState.RUNNING;
		this.health = DeploymentHealth.UNKNOWN;
		this.recordedBy = recordedBy;
		this.recordedAt = now;
		this.fresh = true;
	}

	/** Records a new deployment: it runs, and holds no traffic. */
	static Deployment record(RecordDeployment command, String recordedBy, Instant now) {
		Deployment deployment = new Deployment(command, recordedBy, now);
		deployment.registerEvent(new DeploymentRecorded(deployment.id, deployment.application, deployment.environment,
				deployment.version, deployment.endpoint));
		return deployment;
	}

	/** Whether a replayed request describes this very deployment (a safe CI retry). */
	boolean isSameAs(RecordDeployment command) {
		return Objects.equals(artifact, command.artifact()) && Objects.equals(commit, command.commit())
				&& Objects.equals(pipelineUrl, command.pipelineUrl())
				&& Objects.equals(endpoint, command.endpoint().strip());
	}

	/** The version was removed from the servers. */
	Deployment retire(String retiredBy, Instant now) {
		if (state != DeploymentState.RUNNING) {
			throw new IllegalStateException("deployment " + version + " is already retired");
		}
		if (trafficPercent > 0) {
			throw new IllegalStateException("deployment " + version + " still receives " + trafficPercent
					+ "% of traffic; move traffic away before retiring it");
		}
		this.state = DeploymentState.RETIRED;
		this.retiredBy = retiredBy;
		this.retiredAt = now;
		registerEvent(new DeploymentRetired(id, application, environment, version));
		return this;
	}

	/** The application or its monitoring reports how this deployment is doing. */
	Deployment reportHealth(DeploymentHealth reported, String detail, Instant now) {
		if (reported == DeploymentHealth.UNKNOWN) {
			throw new IllegalArgumentException("a report must say HEALTHY, DEGRADED or FAILING");
		}
		if (state != DeploymentState.RUNNING) {
			throw new IllegalStateException("deployment " + version + " is retired; its health is no longer tracked");
		}
		this.health = reported;
		this.healthDetail = detail;
		this.healthReportedAt = now;
		registerEvent(new DeploymentHealthReported(id, application, environment, version, reported, detail));
		return this;
	}

	/** The traffic module's desired split gives this deployment a new share. */
	void holdTraffic(int percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("traffic percent must be within 0..100");
		}
		if (percent > 0 && state != DeploymentState.RUNNING) {
			throw new IllegalStateException("deployment " + version + " is retired and cannot receive traffic");
		}
		this.trafficPercent = percent;
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	/** The events this change has registered and not yet published. */
	java.util.List<Object> events() {
		return java.util.List.copyOf(domainEvents());
	}

	DeploymentSummary summary() {
		return new DeploymentSummary(id, application, environment, version, endpoint, state, health, healthDetail,
				healthReportedAt, trafficPercent, recordedAt);
	}

	UUID id() {
		return id;
	}

	String application() {
		return application;
	}

	String environment() {
		return environment;
	}

	String version() {
		return version;
	}

	String artifact() {
		return artifact;
	}

	String commit() {
		return commit;
	}

	String pipelineUrl() {
		return pipelineUrl;
	}

	String endpoint() {
		return endpoint;
	}

	DeploymentState state() {
		return state;
	}

	DeploymentHealth health() {
		return health;
	}

	String healthDetail() {
		return healthDetail;
	}

	Instant healthReportedAt() {
		return healthReportedAt;
	}

	int trafficPercent() {
		return trafficPercent;
	}

	String recordedBy() {
		return recordedBy;
	}

	Instant recordedAt() {
		return recordedAt;
	}

	String retiredBy() {
		return retiredBy;
	}

	Instant retiredAt() {
		return retiredAt;
	}

}
