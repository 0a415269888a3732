package org.releasegate.applications;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.UnprocessableException;
import org.releasegate.identity.UserDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ApplicationService implements ApplicationCatalog {

	private final Applications applications;

	private final UserDirectory users;

	private final AuditLog audit;

	private final Clock clock;

	ApplicationService(Applications applications, UserDirectory users, AuditLog audit, Clock clock) {
		this.applications = applications;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	ApplicationView create(ApplicationRequest request) {
		ApplicationName name = new ApplicationName(request.name());
		if (applications.existsById(name.value())) {
			throw new ConflictException("application '" + name + "' already exists");
		}
		Set<String> owners = knownOwners(request.owners());
		String displayName = request.displayName() == null || request.displayName().isBlank() ? name.value()
				: request.displayName();
		Application application = applications.save(new Application(name, displayName, owners, clock.instant()));
		ApplicationView view = ApplicationView.of(application);
		audit.record(AuditEntry.of("application.created", "application", name).in(name.value(), null).after(view));
		return view;
	}

	@Transactional
	ApplicationView update(String name, ApplicationRequest.Update request) {
		Application application = load(name);
		ApplicationView before = ApplicationView.of(application);
		application.update(request.displayName(), knownOwners(request.owners()), clock.instant());
		applications.saveAndFlush(application);
		ApplicationView after = ApplicationView.of(application);
		audit.record(
				AuditEntry.of("application.updated", "application", name).in(name, null).before(before).after(after));
		return after;
	}

	List<ApplicationView> all() {
		return applications.findAllByOrderByName().stream().map(ApplicationView::of).toList();
	}

	ApplicationView get(String name) {
		return ApplicationView.of(load(name));
	}

	@Override
	public Optional<ApplicationSummary> find(String name) {
		return applications.findById(name).map(Application::summary);
	}

	@Override
	public List<ApplicationSummary> summaries() {
		return applications.findAllByOrderByName().stream().map(Application::summary).toList();
	}

	private Application load(String name) {
		return applications.findById(name).orElseThrow(() -> new NotFoundException("no application '" + name + "'"));
	}

	private Set<String> knownOwners(Set<String> owners) {
		Set<String> requested = owners == null ? Set.of() : owners;
		List<String> unknown = users.unknown(requested);
		if (!unknown.isEmpty()) {
			throw new UnprocessableException("owners", "unknown users: " + String.join(", ", unknown));
		}
		return requested;
	}

}
