package org.releasegate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Trying ReleaseGate needs no database installed: when no {@code RELEASEGATE_DB_URL} (no
 * {@code spring.datasource.url}) is set, this starts a real PostgreSQL from the binaries
 * shipped in the jar, with its data in {@code ./data/postgres} kept across restarts, and
 * points the service at it. It stops after everything that uses it when the service shuts
 * down. Any configured URL switches this off.
 */
class EmbeddedPostgresStarter implements ApplicationListener<ApplicationEvent> {

	private static final Log log = LogFactory.getLog(EmbeddedPostgresStarter.class);

	static final String DATABASE = "releasegate";

	private EmbeddedPostgres postgres;

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			startWhenNoUrl(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && postgres != null) {
			// registered before any other bean, so destroyed after all of them (the pool
			// and the schedulers are closed before the database goes away)
			DefaultListableBeanFactory beans = (DefaultListableBeanFactory) prepared.getApplicationContext()
				.getBeanFactory();
			beans.registerDisposableBean("embeddedPostgres", this::stop);
		}
		else if (event instanceof ApplicationFailedEvent) {
			stop();
		}
	}

	private void startWhenNoUrl(ConfigurableEnvironment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return;
		}
		EmbeddedDatabaseProperties properties = Binder.get(environment)
			.bindOrCreate("releasegate.embedded-database", EmbeddedDatabaseProperties.class);
		Path directory = properties.directory().toAbsolutePath().normalize();
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false);
			if (properties.port() > 0) {
				builder.setPort(properties.port());
			}
			postgres = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, ex);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", DATABASE),
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
		log.warn("No RELEASEGATE_DB_URL set: ReleaseGate runs on an embedded PostgreSQL on port " + postgres.getPort()
				+ " with its data in " + directory
				+ ". This is for trying it out; set RELEASEGATE_DB_URL to use a PostgreSQL of your own.");
	}

	private void stop() {
		if (postgres == null) {
			return;
		}
		try {
			postgres.close();
			log.info("The embedded PostgreSQL has stopped");
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
		}
		postgres = null;
	}

}
