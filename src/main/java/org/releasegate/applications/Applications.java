package org.releasegate.applications;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Applications extends JpaRepository<Application, String> {

	List<Application> findAllByOrderByName();

}
