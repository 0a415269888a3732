package org.releasegate.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People: who they are, how they sign in, what they may do. */
@Service
@Transactional(readOnly = true)
class Accounts implements UserDirectory, UserDetailsService {

	private final Users users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final SingleSignOnProperties singleSignOn;

	Accounts(Users users, PasswordEncoder passwords, AuditLog audit, Clock clock, SingleSignOnProperties singleSignOn) {
		this.users = users;
		this.singleSignOn = singleSignOn;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	UserView create(NewUser command) {
		if (users.existsByUsername(command.username())) {
			throw new ConflictException("user '" + command.username() + "' already exists");
		}
		User user = users.save(new User(command.username(), passwords.encode(command.password()), command.displayName(),
				command.roles(), clock.instant()));
		UserView view = UserView.of(user);
		audit.record(AuditEntry.of("identity.user-created", "user", user.username()).after(view));
		return view;
	}

	@Transactional
	UserView changeRoles(String username, Set<Role> roles) {
		User user = users.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
		if (!roles.contains(Role.ADMIN)) {
			keepAnAdmin(user, "remove the ADMIN role from");
		}
		UserView before = UserView.of(user);
		user.changeRoles(roles);
		UserView after = UserView.of(user);
		audit.record(AuditEntry.of("identity.roles-changed", "user", username).before(before).after(after));
		return after;
	}

	/**
	 * Disables an account: its sessions and tokens stop working on their next request.
	 */
	@Transactional
	UserView disable(String username) {
		User user = users.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
		keepAnAdmin(user, "disable");
		UserView before = UserView.of(user);
		user.disable();
		UserView after = UserView.of(user);
		audit.record(AuditEntry.of("identity.user-disabled", "user", username).before(before).after(after));
		return after;
	}

	@Transactional
	UserView enable(String username) {
		User user = users.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
		UserView before = UserView.of(user);
		user.enable();
		UserView after = UserView.of(user);
		audit.record(AuditEntry.of("identity.user-enabled", "user", username).before(before).after(after));
		return after;
	}

	/**
	 * Refuses to take the last enabled admin's power away: nobody could then manage
	 * people. The admins' rows stay locked until the change commits.
	 */
	private void keepAnAdmin(User user, String change) {
		if (user.isAdmin() && users.lockAdmins() <= 1) {
			throw new ConflictException("You cannot " + change + " " + user.username()
					+ ": they are the last admin. Give another person the ADMIN role first.");
		}
	}

	List<UserView> all() {
		return users.findAllByOrderByUsername().stream().map(UserView::of).toList();
	}

	UserView get(String username) {
		return users.findByUsername(username)
			.map(UserView::of)
			.orElseThrow(() -> new NotFoundException("no user '" + username + "'"));
	}

	@Override
	public Optional<Person> find(String username) {
		return users.findByUsername(username).map(User::asPerson);
	}

	@Override
	public List<String> unknown(Collection<String> usernames) {
		Set<String> known = users.findByUsernameIn(usernames)
			.stream()
			.map(User::username)
			.collect(java.util.stream.Collectors.toSet());
		return usernames.stream().filter(name -> !known.contains(name)).distinct().sorted().toList();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!SignInName.isPlausible(username)) {
			// never looked up: no account has such a name (and NUL cannot go to
			// PostgreSQL)
			throw new UsernameNotFoundException("not a possible username");
		}
		User user = users.findByUsername(username)
			.filter(found -> found.passwordHash() != null && singleSignOn.acceptsLocalPasswords())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return new SignedInUser(user.username(), user.passwordHash(), user.enabled(),
				user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
				user.rightsVersion());
	}

}
