package org.releasegate.traffic.adapter.haproxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.releasegate.egress.Egress;
import org.releasegate.traffic.adapter.BindingSettings;
import org.releasegate.traffic.adapter.LoadBalancerAdapter;
import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.springframework.stereotype.Component;

/**
 * HAProxy through its runtime API. Members are server names in one backend. Weights are
 * always sent absolute ({@code set weight be/srv N}): the percent forms are relative to
 * the initial weight, so they cannot move traffic to a server that started at 0.
 * Settings: {@code address} ({@code unix:/path} or {@code tcp:host:port}),
 * {@code backend}, optional {@code drain} (put 0% servers in drain so sticky sessions
 * leave too) and {@code timeoutMs}.
 */
@Component
class HaproxyAdapter implements LoadBalancerAdapter {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

	private final Egress egress;

	HaproxyAdapter(Egress egress) {
		this.egress = egress;
	}

	@Override
	public String type() {
		return "haproxy";
	}

	@Override
	public Set<String> bindingSettings() {
		return Set.of("backend", "drain");
	}

	@Override
	public void validate(BindingSettings settings) {
		HaproxyRuntime.parse(settings.require("address"));
		String backend = settings.require("backend");
		if (!NAME.matcher(backend).matches()) {
			throw new IllegalArgumentException("setting 'backend' is not an HAProxy backend name: " + backend);
		}
		timeout(settings);
	}

	@Override
	public MemberShares observe(BindingSettings settings) {
		String backend = settings.require("backend");
		String answer = runtime(settings).execute("show servers state " + backend);
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (String line : answer.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (line.startsWith("#") || fields.length < 9 || !fields[1].equals(backend)) {
				continue;
			}
			// a server in maintenance or drain gets no new traffic whatever its weight
			int adminState = Integer.parseInt(fields[6]);
			weights.put(fields[3], adminState == 0 ? Integer.parseInt(fields[7]) : 0);
		}
		if (weights.isEmpty()) {
			throw new LoadBalancerException(
					"HAProxy has no backend '" + backend + "' with servers: "
							+ (answer.isBlank() ? "empty answer" : answer.strip()),
					"the load balancer has no such backend");
		}
		return MemberShares.fromWeights(weights);
	}

	@Override
	public void apply(BindingSettings settings, MemberShares desired) {
		String backend = settings.require("backend");
		boolean drain = settings.flag("drain");
		List<String> raise = new ArrayList<>();
		List<String> lower = new ArrayList<>();
		desired.percentByMember().forEach((server, percent) -> {
			if (!NAME.matcher(server).matches()) {
				throw new LoadBalancerException("'" + server + "' is not an HAProxy server name");
			}
			int weight = HaproxyWeights.weight(percent);
			String target = backend + "/" + server;
			if (weight > 0) {
				if (drain) {
					raise.add("set server " + target + " state ready");
				}
				raise.add("set weight " + target + " " + weight);
			}
			else {
				lower.add("set weight " + target + " 0");
				if (drain) {
					lower.add("set server " + target + " state drain");
				}
			}
		});
		// raise first: between two commands no moment may leave every server at 0
		raise.addAll(lower);
		String answer = runtime(settings).execute(String.join(";", raise));
		if (!answer.isBlank()) {
			throw new LoadBalancerException("HAProxy refused the change: " + answer.strip(),
					"the load balancer refused the change");
		}
	}

	private HaproxyRuntime runtime(BindingSettings settings) {
		return new HaproxyRuntime(settings.require("address"), timeout(settings), egress);
	}

	private static Duration timeout(BindingSettings settings) {
		try {
			long millis = Long.parseLong(settings.get("timeoutMs", "2000"));
			if (millis < 1 || millis > 60_000) {
				throw new NumberFormatException();
			}
			return Duration.ofMillis(millis);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("setting 'timeoutMs' must be a number of milliseconds within 1..60000");
		}
	}

}
