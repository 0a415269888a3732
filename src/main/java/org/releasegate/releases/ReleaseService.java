package org.releasegate.releases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.releasegate.applications.ApplicationCatalog;
import org.releasegate.applications.ApplicationCatalog.ApplicationSummary;
import org.releasegate.audit.Actor;
import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.Cursor;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.Slice;
import org.releasegate.common.UnprocessableException;
import org.releasegate.deployments.DeploymentCatalog;
import org.releasegate.deployments.DeploymentSummary;
import org.releasegate.identity.Role;
import org.releasegate.releases.ReleaseRequests.RequestRelease;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests releases and takes the decisions on them. Every write loads the release with
 * its row locked, so concurrent decisions queue up, and audits in the same transaction.
 */
@Service
@Transactional
class ReleaseService {

	private final Releases releases;

	private final ReleasePolicies policies;

	private final ApplicationCatalog applications;

	private final DeploymentCatalog deployments;

	private final StableDeployments stable;

	private final ChecklistEvaluator checklist;

	private final AuditLog audit;

	private final Clock clock;

	private final GateResults gateResults;

	ReleaseService(Releases releases, ReleasePolicies policies, ApplicationCatalog applications,
			DeploymentCatalog deployments, StableDeployments stable, ChecklistEvaluator checklist, AuditLog audit,
			Clock clock, GateResults gateResults) {
		this.gateResults = gateResults;
		this.releases = releases;
		this.policies = policies;
		this.applications = applications;
		this.deployments = deployments;
		this.stable = stable;
		this.checklist = checklist;
		this.audit = audit;
		this.clock = clock;
	}

	ReleaseView request(RequestRelease body) {
		String app = body.application();
		String env = body.environment();
		org.releasegate.identity.Caller.current().checkMayActOn(app);
		if (!applications.exists(app)) {
			throw new UnprocessableException("application", "no application '" + app + "'");
		}
		DeploymentSummary candidate = deployments.find(app, env, body.candidateVersion())
			.orElseThrow(() -> new UnprocessableException("candidateVersion",
					"no deployment " + body.candidateVersion() + " of " + app + " in " + env));
		if (!candidate.isRunning()) {
			throw new UnprocessableException("candidateVersion",
					"deployment " + candidate.version() + " is " + candidate.state() + ", not RUNNING");
		}
		Optional<DeploymentSummary> current = stable.stable(app, env);
		if (current.isPresent() && current.get().id().equals(candidate.id())) {
			throw new UnprocessableException("candidateVersion",
					candidate.version() + " is already the stable deployment of " + app + " in " + env);
		}
		if (releases.existsByApplicationAndEnvironmentAndStatusIn(app, env, List.copyOf(ReleaseStatus.OPEN))) {
			throw new ConflictException(app + " already has an open release in " + env);
		}
		Strategy strategy = body.strategy().toStrategy();
		Release release = Release.request(new NewRelease(app, env, candidate.id(), candidate.version(),
				current.map(DeploymentSummary::id).orElse(null), current.map(DeploymentSummary::version).orElse(null),
				strategy, ReleaseRequests.instant(body.scheduledStart()), body.onCallContact(), body.summary(),
				body.ticketUrl(), Actor.current().name()), clock.instant());
		try {
			releases.saveAndFlush(release);
		}
		catch (DataIntegrityViolationException raced) {
			throw new ConflictException(app + " already has an open release in " + env);
		}
		ReleaseView view = view(release);
		audit.record(AuditEntry.of("release.requested", "release", release.id()).in(app, env).after(view));
		return view;
	}

	ReleaseView decide(UUID id, ReleaseRequests.Decide body) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		ApplicationSummary app = applications.find(release.application())
			.orElseThrow(() -> new NotFoundException("no application " + release.application()));
		if (!org.releasegate.identity.Caller.current().owns(app.name(), app.owners())) {
			throw new DecisionForbidden("only product owners of " + app.name() + " approve or reject its releases");
		}
		Instant now = clock.instant();
		if (body.decision() == Approval.Decision.APPROVE) {
			int before = release.approvers().size();
			release.approve(caller.name(), body.comment(), now);
			record(release, "release.approval-given", fields("approvals", before),
					fields("approvals", release.approvers().size(), "by", caller.name(), "comment", body.comment()));
			settle(release);
		}
		else {
			release.reject(caller.name(), body.comment(), now);
			record(release, "release.rejected", Map.of("status", ReleaseStatus.REQUESTED),
					Map.of("status", release.status(), "by", caller.name(), "comment", body.comment()));
		}
		return view(releases.save(release));
	}

	ReleaseView changePlan(UUID id, ReleaseRequests.ChangePlan body) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		requireRequesterOrManager(caller, release, "change the plan of");
		Strategy strategy = body.strategy().toStrategy();
		Map<String, Object> before = plan(release);
		List<String> voided = release.approvers();
		String contact = body.onCallContact() != null ? body.onCallContact() : release.onCallContact();
		release.changePlan(strategy, ReleaseRequests.instant(body.scheduledStart()), contact, clock.instant());
		Map<String, Object> after = new java.util.HashMap<>(plan(release));
		after.put("voidedApprovals", voided);
		record(release, "release.plan-changed", before, after);
		return view(releases.save(release));
	}

	ReleaseView cancel(UUID id, String reason) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		requireRequesterOrManager(caller, release, "cancel");
		ReleaseStatus before = release.status();
		release.cancel(caller.name(), reason, clock.instant());
		record(release, "release.cancelled", fields("status", before),
				fields("status", release.status(), "reason", release.reason()));
		return view(releases.save(release));
	}

	ReleaseView mark(UUID id, String key, ReleaseRequests.Mark body) {
		Caller caller = Caller.current();
		Release release = releases.lock(id);
		PolicyRules rules = policies.rulesFor(release.application(), release.environment());
		boolean custom = rules.customChecks().stream().anyMatch(c -> c.key().equals(key));
		if (!custom && !ChecklistItem.DEFAULT_KEYS.contains(key)) {
			throw new NotFoundException("release " + id + " has no checklist item '" + key + "'");
		}
		Instant now = clock.instant();
		if (body.action() == ReleaseRequests.Mark.Action.ATTEST) {
			if (!caller.has(Role.ENGINEER)) {
				throw new DecisionForbidden("attesting a checklist item needs the ENGINEER role");
			}
			if (!custom && !ChecklistItem.ATTESTABLE_DEFAULTS.contains(key)) {
				throw new ConflictException("'" + key + "' is evaluated by the system; a release manager may waive it");
			}
			release.attest(key, body.comment(), caller.name(), now);
		}
		else {
			if (!caller.has(Role.RELEASE_MANAGER)) {
				throw new DecisionForbidden("only a release manager waives a checklist item");
			}
			if (ChecklistItem.PRODUCT_READY.equals(key)) {
				throw new ConflictException("product-ready is the product owners' approval; it cannot be waived");
			}
			release.waive(key, body.comment(), caller.name(), now);
		}
		String action = body.action() == ReleaseRequests.Mark.Action.ATTEST ? "release.check-attested"
				: "release.check-waived";
		record(release, action, null, Map.of("key", key, "comment", body.comment()));
		settle(release);
		return view(releases.save(release));
	}

	/**
	 * Re-evaluates a REQUESTED release under its row lock and approves it when it has
	 * become ready (a soak passed, the policy's quiet period ended).
	 */
	ReleaseView settle(UUID id) {
		Release release = releases.lock(id);
		settle(release);
		return view(releases.save(release));
	}

	@Transactional(readOnly = true)
	Evaluated get(UUID id) {
		Release release = releases.findById(id).orElseThrow(() -> missing(id));
		org.releasegate.identity.Caller.current().checkMayActOn(release.application());
		PolicyRules rules = policies.rulesFor(release.application(), release.environment());
		ChecklistEvaluator.Checklist items = checklist.evaluate(release, rules, clock.instant());
		boolean ready = release.readyToApprove(items.othersGreen(), rules.requiredApprovals(), rules.autoApproveAfter(),
				clock.instant());
		return new Evaluated(ReleaseView.of(release, rules, items, gateResults.latest(id, 20)), ready);
	}

	@Transactional(readOnly = true)
	List<UUID> requested() {
		return releases.findRequested();
	}

	@Transactional(readOnly = true)
	Slice<ReleaseView.Line> list(String application, String environment, ReleaseStatus status, String cursor,
			int limit) {
		Cursor after = Cursor.decode(cursor);
		Specification<Release> spec = Specification.unrestricted();
		if (application != null && !application.isBlank()) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("application"), application));
		}
		if (environment != null && !environment.isBlank()) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("environment"), environment));
		}
		if (status != null) {
			spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
		}
		if (after != null) {
			UUID afterId = UUID.fromString(after.id());
			spec = spec.and((root, query, cb) -> cb.or(cb.lessThan(root.get("requestedAt"), after.at()),
					cb.and(cb.equal(root.get("requestedAt"), after.at()), cb.lessThan(root.get("id"), afterId))));
		}
		List<Release> rows = releases.findBy(spec,
				q -> q.sortBy(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))).limit(limit + 1).all());
		return Slice.of(rows, limit, r -> new Cursor(r.requestedAt(), r.id().toString())).map(ReleaseView.Line::of);
	}

	private void settle(Release release) {
		PolicyRules rules = policies.rulesFor(release.application(), release.environment());
		Instant now = clock.instant();
		ChecklistEvaluator.Checklist items = checklist.evaluate(release, rules, now);
		if (release.approveIfReady(items.othersGreen(), rules.requiredApprovals(), rules.autoApproveAfter(), now)) {
			// the transition follows from the rules, whoever's call completed them
			audit.record(
					AuditEntry.of("release.approved", "release", release.id())
						.in(release.application(), release.environment())
						.before(Map.of("status", ReleaseStatus.REQUESTED))
						.after(Map.of("status", release.status(), "approvedBy", release.approvers(), "byPolicy",
								release.approvedByPolicy(), "note",
								release.approvedByPolicy() ? "approved by policy" : "approved by the product owners")),
					Actor.SYSTEM);
		}
	}

	private void requireRequesterOrManager(Caller caller, Release release, String what) {
		if (!caller.name().equals(release.requestedBy()) && !caller.has(Role.RELEASE_MANAGER)) {
			throw new DecisionForbidden("only the requester or a release manager may " + what + " a release");
		}
	}

	/** Audit details as pairs of name and value; a value may be null. */
	private static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	private Map<String, Object> plan(Release release) {
		Map<String, Object> plan = new java.util.HashMap<>();
		plan.put("strategy", ReleaseView.StrategyView.of(release.strategy()));
		plan.put("scheduledStart", release.scheduledStart());
		plan.put("onCallContact", release.onCallContact());
		return plan;
	}

	private void record(Release release, String action, Object before, Object after) {
		audit.record(AuditEntry.of(action, "release", release.id())
			.in(release.application(), release.environment())
			.before(before)
			.after(after));
	}

	private static NotFoundException missing(UUID id) {
		return new NotFoundException("no release " + id);
	}

	private ReleaseView view(Release release) {
		PolicyRules rules = policies.rulesFor(release.application(), release.environment());
		return ReleaseView.of(release, rules, checklist.evaluate(release, rules, clock.instant()),
				gateResults.latest(release.id(), 20));
	}

	/**
	 * What the current caller may do with a release, for showing only the buttons that
	 * will work. The write methods check again, whatever a page showed.
	 */
	@Transactional(readOnly = true)
	Allowed allowed(ReleaseView release) {
		Caller caller = Caller.current();
		ReleaseStatus status = release.status();
		boolean requested = status == ReleaseStatus.REQUESTED;
		boolean owner = applications.find(release.application())
			.map(app -> org.releasegate.identity.Caller.current().owns(app.name(), app.owners()))
			.orElse(false);
		boolean decided = release.approvals().stream().anyMatch(a -> a.by().equals(caller.name()));
		boolean requester = caller.name().equals(release.requestedBy());
		boolean open = requested || status == ReleaseStatus.APPROVED;
		// as ReleaseController and ReleaseExecution decide
		boolean steers = caller.has(Role.ENGINEER) || caller.has(Role.PRODUCT_OWNER)
				|| caller.has(Role.RELEASE_MANAGER);
		List<ReleaseView.StepView> steps = release.strategy().steps();
		Integer step = release.currentStep();
		ReleaseView.StepView next = step != null && step + 1 < steps.size() ? steps.get(step + 1) : null;
		boolean promote = status == ReleaseStatus.IN_PROGRESS && next != null && steers
				&& (!next.requiresConfirmation() || owner);
		boolean rollBack = steers && release.stableDeploymentId() != null
				&& status.canMoveTo(ReleaseStatus.ROLLED_BACK);
		return new Allowed(requested && owner && !requester && !decided, open && caller.has(Role.ENGINEER),
				open && caller.has(Role.RELEASE_MANAGER), open && (requester || caller.has(Role.RELEASE_MANAGER)),
				promote, status == ReleaseStatus.IN_PROGRESS && steers, status == ReleaseStatus.PAUSED && steers,
				rollBack);
	}

	/**
	 * Which decisions the page offers: approve/reject, attest, waive, cancel, and for a
	 * running release promote, pause, resume and roll back.
	 */
	record Allowed(boolean decide, boolean attest, boolean waive, boolean cancel, boolean promote, boolean pause,
			boolean resume, boolean rollBack) {

		/** Before a release runs. */
		Allowed(boolean decide, boolean attest, boolean waive, boolean cancel) {
			this(decide, attest, waive, cancel, false, false, false, false);
		}

	}

	/** A release as read, and whether it has become ready to be approved. */
	record Evaluated(ReleaseView view, boolean readyToApprove) {
	}

}
