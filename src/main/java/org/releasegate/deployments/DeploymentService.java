package org.releasegate.deployments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.Cursor;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.Slice;
import org.releasegate.common.UnprocessableException;
import org.releasegate.deployments.DeploymentCatalog.EnvironmentDeployments;
import org.releasegate.identity.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DeploymentService implements DeploymentCatalog, DeploymentTraffic {

	private final Deployments deployments;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DeploymentService(Deployments deployments, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.deployments = deployments;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Records a deployment, or finds the one a retried request already recorded. Never
	 * touches traffic.
	 */
	@Transactional
	Recorded record(RecordDeployment command) {
		// PostgreSQL keeps microseconds: the answer shows what a later read will show
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Caller.current().checkMayActOn(command.application());
		Deployment deployment = Deployment.record(command, Actor.current().name(), now);
		if (!deployments.insertIfAbsent(deployment)) {
			return replay(command);
		}
		DeploymentView view = DeploymentView.of(deployment);
		audit.record(AuditEntry.of("deployment.recorded", "deployment", deployment.id())
			.in(deployment.application(), deployment.environment())
			.after(view));
		deployment.events().forEach(events::publishEvent);
		return new Recorded(view, true);
	}

	/**
	 * The version is already recorded (by an earlier or a concurrent request), or the
	 * application does not exist.
	 */
	private Recorded replay(RecordDeployment command) {
		Deployment existing = deployments
			.findByApplicationAndEnvironmentAndVersion(command.application(), command.environment(), command.version())
			.orElseThrow(
					() -> new UnprocessableException("application", "no application '" + command.application() + "'"));
		if (!existing.isSameAs(command)) {
			throw new ConflictException(
					"version " + command.version() + " of " + command.application() + " in " + command.environment()
							+ " was already recorded with a different artifact, commit, pipeline or endpoint");
		}
		return new Recorded(DeploymentView.of(existing), false);
	}

	@Transactional
	DeploymentView retire(UUID id) {
		Deployment deployment = load(id);
		DeploymentView before = DeploymentView.of(deployment);
		deployments.saveAndFlush(deployment.retire(Actor.current().name(), clock.instant()));
		DeploymentView after = DeploymentView.of(deployment);
		audit.record(AuditEntry.of("deployment.retired", "deployment", id)
			.in(deployment.application(), deployment.environment())
			.before(before)
			.after(after));
		return after;
	}

	@Transactional
	DeploymentView reportHealth(UUID id, HealthReport report) {
		Deployment deployment = load(id);
		Caller.current().checkMayActOn(deployment.application());
		DeploymentView before = DeploymentView.of(deployment);
		deployments.saveAndFlush(deployment.reportHealth(report.status().asHealth(), report.detail(), clock.instant()));
		DeploymentView after = DeploymentView.of(deployment);
		audit.record(AuditEntry.of("deployment.health-reported", "deployment", id)
			.in(deployment.application(), deployment.environment())
			.before(before)
			.after(after));
		return after;
	}

	@Override
	@Transactional
	public void holdTraffic(String application, String environment, Map<UUID, Integer> percentByDeployment) {
		List<Deployment> here = deployments.findByApplicationAndEnvironmentOrderByRecordedAtDesc(application,
				environment);
		for (UUID id : percentByDeployment.keySet()) {
			if (here.stream().noneMatch(deployment -> deployment.id().equals(id))) {
				throw new IllegalArgumentException(
						"deployment " + id + " is not in " + application + "/" + environment);
			}
		}
		for (Deployment deployment : here) {
			int percent = percentByDeployment.getOrDefault(deployment.id(), 0);
			if (deployment.trafficPercent() != percent) {
				deployment.holdTraffic(percent);
			}
		}
	}

	DeploymentView get(UUID id) {
		return DeploymentView.of(load(id));
	}

	Slice<DeploymentView> list(String application, String environment, String cursor, int limit) {
		return page(application, environment, cursor, limit).map(DeploymentView::of);
	}

	@Override
	public Slice<DeploymentSummary> history(String application, String environment, String cursor, int limit) {
		return page(application, environment, cursor, limit).map(Deployment::summary);
	}

	private Slice<Deployment> page(String application, String environment, String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Specification<Deployment> spec = Specification.unrestricted();
		if (application != null && !application.isBlank()) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("application"), application));
		}
		if (environment != null && !environment.isBlank()) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("environment"), environment));
		}
		if (after != null) {
			UUID afterId = UUID.fromString(after.id());
			spec = spec.and((root, query, cb) -> cb.or(cb.lessThan(root.get("recordedAt"), after.at()),
					cb.and(cb.equal(root.get("recordedAt"), after.at()), cb.lessThan(root.get("id"), afterId))));
		}
		List<Deployment> rows = deployments.findBy(spec,
				q -> q.sortBy(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.desc("id"))).limit(limit + 1).all());
		return Slice.of(rows, limit, d -> new Cursor(d.recordedAt(), d.id().toString()));
	}

	@Override
	public Optional<DeploymentSummary> find(UUID id) {
		return deployments.findById(id).map(Deployment::summary);
	}

	@Override
	public Optional<DeploymentSummary> find(String application, String environment, String version) {
		return deployments.findByApplicationAndEnvironmentAndVersion(application, environment, version)
			.map(Deployment::summary);
	}

	@Override
	public List<DeploymentSummary> running(String application, String environment) {
		return deployments
			.findByApplicationAndEnvironmentAndStateOrderByRecordedAtDesc(application, environment,
					DeploymentState.RUNNING)
			.stream()
			.map(Deployment::summary)
			.toList();
	}

	@Override
	public List<String> environments(String application) {
		return deployments.findEnvironments(application);
	}

	@Override
	public List<EnvironmentDeployments> runningIn(Collection<String> applications) {
		if (applications.isEmpty()) {
			return List.of();
		}
		Map<String, List<DeploymentSummary>> running = deployments
			.findByApplicationInAndStateOrderByRecordedAtDesc(applications, DeploymentState.RUNNING)
			.stream()
			.map(Deployment::summary)
			.collect(Collectors.groupingBy(d -> d.application() + "/" + d.environment()));
		return deployments.findEnvironmentsOf(applications)
			.stream()
			.map(row -> new EnvironmentDeployments((String) row[0], (String) row[1],
					running.getOrDefault(row[0] + "/" + row[1], List.of())))
			.sorted(Comparator.comparing(EnvironmentDeployments::application)
				.thenComparing(EnvironmentDeployments::environment))
			.toList();
	}

	private Deployment load(UUID id) {
		return deployments.findById(id).orElseThrow(() -> new NotFoundException("no deployment " + id));
	}

	/** The outcome of recording: the deployment, and whether this request created it. */
	record Recorded(DeploymentView deployment, boolean created) {
	}

}
