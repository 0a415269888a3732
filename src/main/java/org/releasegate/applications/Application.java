package org.releasegate.applications;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/** Something users reach through a load balancer, with the people who own it. */
@Entity
@Table(name = "applications")
class Application implements Persistable<String> {

	@Id
	private String name;

	private String displayName;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "application_owners", joinColumns = @JoinColumn(name = "application"))
	@Column(name = "username")
	private Set<String> owners = new TreeSet<>();

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer revision;

	protected Application() {
	}

	Application(ApplicationName name, String displayName, Set<String> owners, Instant now) {
		this.name = name.value();
		this.displayName = displayName;
		this.owners = new TreeSet<>(owners);
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String displayName, Set<String> owners, Instant now) {
		this.displayName = displayName;
		this.owners.clear();
		this.owners.addAll(owners);
		this.updatedAt = now;
	}

	@Override
	public String getId() {
		return name;
	}

	@Override
	public boolean isNew() {
		return revision == null;
	}

	String name() {
		return name;
	}

	String displayName() {
		return displayName;
	}

	Set<String> owners() {
		return Set.copyOf(owners);
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	ApplicationCatalog.ApplicationSummary summary() {
		return new ApplicationCatalog.ApplicationSummary(name, displayName, owners());
	}

}
