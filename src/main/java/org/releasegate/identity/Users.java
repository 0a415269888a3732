package org.releasegate.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);

	List<User> findByUsernameIn(Collection<String> usernames);

	List<User> findAllByOrderByUsername();

	/** The rights version of an enabled account; empty when disabled or unknown. */
	@Query("select u.rightsVersion from User u where u.username = :username and u.enabled = true")
	Optional<Integer> currentRightsVersion(String username);

	/**
	 * Locks the rows of every enabled admin, so two admins demoting each other at once
	 * cannot both succeed; answers how many there are.
	 */
	@Query(value = "select count(*) from (select u.id from users u join user_roles r on r.user_id = u.id"
			+ " where r.role = 'ADMIN' and u.enabled for update of u) admins", nativeQuery = true)
	long lockAdmins();

}
