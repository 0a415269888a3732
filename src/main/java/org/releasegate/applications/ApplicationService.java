package org.releasegate.applications;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.releasegate.audit.AuditEntry;
import org.releasegate.audit.AuditLog;
import org.releasegate.common.ConflictException;
import org.releasegate.common.NotFoundException;
import org.releasegate.common.Slice;
import org.releasegate.common.UnprocessableException;
import org.releasegate.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class ApplicationService implements ApplicationCatalog {

	private final Applications applications;

	private final UserDirectory users;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	ApplicationService(Applications applications, UserDirectory users, AuditLog audit, Clock clock, JdbcClient jdbc) {
		this.applications = applications;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
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

	@Override
	public Slice<ApplicationSummary> page(String filter, String after, int limit) {
		String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
		List<ApplicationSummary> fetched = jdbc.sql("""
				select a.name, a.display_name,
				       array(select o.username from application_owners o where o.application = a.name
				             order by o.username) as owners
				from applications a
				where a.name > :after
				  and (:needle = '' or strpos(lower(a.name), :needle) > 0 or strpos(lower(a.display_name), :needle) > 0)
				order by a.name
				limit :limit
				""")
			.param("after", after == null ? "" : after)
			.param("needle", needle)
			.param("limit", limit + 1)
			.query(ApplicationService::summary)
			.list();
		return Slice.byPosition(fetched, limit, ApplicationSummary::name);
	}

	@Override
	public Set<String> ownedBy(String username) {
		return Set.copyOf(jdbc.sql("select application from application_owners where username = ?")
			.param(username)
			.query(String.class)
			.list());
	}

	private static ApplicationSummary summary(ResultSet row, int number) throws SQLException {
		Array owners = row.getArray("owners");
		return new ApplicationSummary(row.getString("name"), row.getString("display_name"),
				Set.copyOf(Arrays.asList((String[]) owners.getArray())));
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
