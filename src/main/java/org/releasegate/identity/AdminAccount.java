package org.releasegate.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On an empty database, creates the {@code admin} account: with the configured password,
 * or a random one printed once in the log.
 */
@Component
class AdminAccount implements ApplicationRunner {

	static final String USERNAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final Users users;

	private final Accounts accounts;

	private final IdentityProperties properties;

	AdminAccount(Users users, Accounts accounts, IdentityProperties properties) {
		this.users = users;
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.existsByUsername(USERNAME)) {
			return;
		}
		boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
		String password = generated ? randomPassword() : properties.adminPassword();
		try {
			accounts.create(new NewUser(USERNAME, password, "Administrator", Set.copyOf(EnumSet.of(Role.ADMIN))));
		}
		catch (DataIntegrityViolationException | org.releasegate.common.ConflictException ex) {
			return; // another instance created it at the same moment
		}
		if (generated) {
			log.warn("Created the 'admin' account with the generated password: {} "
					+ "(shown only this once; set RELEASEGATE_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("Created the 'admin' account with the password from RELEASEGATE_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
