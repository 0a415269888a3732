package org.releasegate.deployments;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Deployments extends JpaRepository<Deployment, UUID>, JpaSpecificationExecutor<Deployment>, DeploymentInserts {

	Optional<Deployment> findByApplicationAndEnvironmentAndVersion(String application, String environment,
			String version);

	List<Deployment> findByApplicationAndEnvironmentAndStateOrderByRecordedAtDesc(String application,
			String environment, DeploymentState state);

	List<Deployment> findByApplicationAndEnvironmentOrderByRecordedAtDesc(String application, String environment);

	@Query("select distinct d.environment from Deployment d where d.application = :application order by d.environment")
	List<String> findEnvironments(String application);

	@Query("select distinct d.application, d.environment from Deployment d where d.application in :applications")
	List<Object[]> findEnvironmentsOf(Collection<String> applications);

	List<Deployment> findByApplicationInAndStateOrderByRecordedAtDesc(Collection<String> applications,
			DeploymentState state);

}
