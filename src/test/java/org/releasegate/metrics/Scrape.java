package org.releasegate.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of {@code /actuator/prometheus}, as series with labels and values. */
public final class Scrape {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Series> series = new ArrayList<>();

	public Scrape(String text) {
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int brace = line.indexOf('{');
			int space = line.lastIndexOf(' ');
			String name = brace > 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
			Map<String, String> labels = new LinkedHashMap<>();
			if (brace > 0 && brace < space) {
				Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
				while (m.find()) {
					labels.put(m.group(1), m.group(2));
				}
			}
			series.add(new Series(name, labels, Double.parseDouble(line.substring(space + 1))));
		}
	}

	/** The names of every series. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		series.forEach(s -> names.add(s.name()));
		return names;
	}

	/**
	 * The sum of the series of that name carrying these labels (0 when there is none).
	 */
	public double value(String name, String... labelPairs) {
		return series.stream().filter(s -> s.name().equals(name)).filter(s -> {
			for (int i = 0; i < labelPairs.length; i += 2) {
				if (!labelPairs[i + 1].equals(s.labels().get(labelPairs[i]))) {
					return false;
				}
			}
			return true;
		}).mapToDouble(Series::value).sum();
	}

	public boolean has(String name, String... labelPairs) {
		return series.stream()
			.anyMatch(s -> s.name().equals(name)
					&& (labelPairs.length == 0 || labelPairs[1].equals(s.labels().get(labelPairs[0]))));
	}

	record Series(String name, Map<String, String> labels, double value) {
	}

}
