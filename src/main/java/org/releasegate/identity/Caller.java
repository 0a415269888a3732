package org.releasegate.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling and what they may do, whatever the identity source (password, single
 * sign-on, API token, pipeline workload identity). The one place that answers whether a
 * caller owns an application or may act on it: services ask here instead of comparing
 * names and roles themselves.
 * <p>
 * Besides roles, the security context may carry two kinds of authority: an application
 * the identity provider says the caller owns ({@code APPLICATION:checkout}), and
 * {@code APPLICATIONS_ONLY} for an identity confined to those applications (a pipeline).
 *
 * @param name the username or the pipeline identity's name
 * @param roles the roles in force for this call
 * @param applications the applications granted by the identity provider or the workload
 * mapping
 * @param confined whether the caller may act on those applications only
 */
public record Caller(String name, Set<Role> roles, Set<String> applications, boolean confined) {

	static final String APPLICATION_PREFIX = "APPLICATION:";

	static final String CONFINED = "APPLICATIONS_ONLY";

	/**
	 * The service itself (a scheduled job) or an anonymous caller: no role, no
	 * confinement.
	 */
	private static final Caller NOBODY = new Caller("system", Set.of(), Set.of(), false);

	public Caller {
		roles = Set.copyOf(roles);
		applications = Set.copyOf(applications);
	}

	/** The caller of the current request; one without roles outside of one. */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return NOBODY;
		}
		return of(authentication.getName(), authentication.getAuthorities());
	}

	static Caller of(String name, Collection<? extends GrantedAuthority> authorities) {
		Set<String> granted = authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (granted.contains(role.authority())) {
				roles.add(role);
			}
		}
		Set<String> applications = granted.stream()
			.filter(authority -> authority.startsWith(APPLICATION_PREFIX))
			.map(authority -> authority.substring(APPLICATION_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(name, roles, applications, granted.contains(CONFINED));
	}

	/** The authorities that carry the given applications and confinement. */
	static Set<GrantedAuthority> authorities(Collection<Role> roles, Collection<String> applications,
			boolean confined) {
		Set<GrantedAuthority> authorities = new java.util.LinkedHashSet<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		applications.forEach(app -> authorities.add(new SimpleGrantedAuthority(APPLICATION_PREFIX + app)));
		if (confined) {
			authorities.add(new SimpleGrantedAuthority(CONFINED));
		}
		return authorities;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * Whether the caller may act on this application at all (a pipeline: only its own).
	 */
	public boolean mayActOn(String application) {
		return !confined || applications.contains(application);
	}

	/**
	 * Whether the caller is a product owner of the application: listed among its owners,
	 * or granted it by the identity provider's groups.
	 * @param owners the usernames the application lists as its owners
	 */
	public boolean owns(String application, Collection<String> owners) {
		return owns(application, owners.contains(name));
	}

	/**
	 * Whether the caller is a product owner of the application.
	 * @param listed whether the application lists the caller among its owners
	 */
	public boolean owns(String application, boolean listed) {
		return has(Role.PRODUCT_OWNER) && mayActOn(application) && (listed || applications.contains(application));
	}

	/** Refuses (403) a caller confined to other applications. */
	public void checkMayActOn(String application) {
		if (!mayActOn(application)) {
			throw new AccessDeniedException(name + " may act only on "
					+ String.join(", ", applications.stream().sorted().toList()) + ", not on " + application);
		}
	}

}
