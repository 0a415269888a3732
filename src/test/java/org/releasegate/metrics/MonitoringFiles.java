package org.releasegate.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard and alert rules in {@code deploy/}, and the metric names they
 * use.
 */
public final class MonitoringFiles {

	public static final Path DASHBOARD = Path.of("deploy/grafana/releasegate-dashboard.json");

	public static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");

	private static final Pattern METRIC = Pattern.compile("releasegate_[a-z_]+");

	private MonitoringFiles() {
	}

	/** Every series name (with its _bucket, _count or _total suffix) the file names. */
	public static Set<String> metricsIn(Path file) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher m = METRIC.matcher(Files.readString(file));
		while (m.find()) {
			names.add(m.group());
		}
		return names;
	}

}
