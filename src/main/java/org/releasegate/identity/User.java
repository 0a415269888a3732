package org.releasegate.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "users")
class User {

	static final String LOCAL = "local";

	static final String OIDC = "oidc";

	@Id
	private UUID id;

	private String username;

	private String passwordHash;

	private String displayName;

	private boolean enabled;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private int rightsVersion;

	/** {@code local} (a password here) or {@code oidc} (the identity provider). */
	private String source = LOCAL;

	/** The applications the identity provider's groups make this person own. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_applications", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "application")
	private Set<String> applications = new TreeSet<>();

	@Version
	private int revision;

	protected User() {
	}

	User(String username, String passwordHash, String displayName, Set<Role> roles, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.enabled = true;
		this.createdAt = createdAt;
	}

	/** A person known through the identity provider: no local password. */
	static User fromProvider(String username, String displayName, Instant createdAt) {
		User user = new User(username, null, displayName, Set.of(), createdAt);
		user.source = OIDC;
		return user;
	}

	UUID id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	String displayName() {
		return displayName;
	}

	boolean enabled() {
		return enabled;
	}

	Instant createdAt() {
		return createdAt;
	}

	Set<Role> roles() {
		return Set.copyOf(roles);
	}

	int rightsVersion() {
		return rightsVersion;
	}

	boolean isAdmin() {
		return enabled && roles.contains(Role.ADMIN);
	}

	void changeRoles(Set<Role> newRoles) {
		if (!roles.equals(newRoles)) {
			this.rightsVersion++;
		}
		this.roles.clear();
		this.roles.addAll(newRoles);
	}

	String source() {
		return source;
	}

	Set<String> applications() {
		return Set.copyOf(applications);
	}

	/** Takes the roles and owned applications the identity provider's groups give now. */
	void grantedByProvider(Set<Role> newRoles, Set<String> newApplications) {
		changeRoles(newRoles);
		this.applications.clear();
		this.applications.addAll(newApplications);
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	void disable() {
		if (enabled) {
			this.rightsVersion++;
		}
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	UserDirectory.Person asPerson() {
		return new UserDirectory.Person(username, displayName, roles());
	}

}
