package org.releasegate.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);

	List<User> findByUsernameIn(Collection<String> usernames);

	List<User> findAllByOrderByUsername();

}
