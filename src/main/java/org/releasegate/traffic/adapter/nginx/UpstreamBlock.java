package org.releasegate.traffic.adapter.nginx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.releasegate.traffic.adapter.LoadBalancerException;
import org.releasegate.traffic.adapter.MemberShares;
import org.releasegate.traffic.adapter.WholeWeights;

/**
 * One {@code upstream} block inside an include file, with the text around it kept as it
 * is. Directives other than {@code server} ({@code zone}, {@code keepalive}, ...) and
 * server parameters other than {@code weight}, {@code down} and {@code backup} survive a
 * rewrite; comments inside the block do not.
 */
record UpstreamBlock(String name, String before, List<String> directives, List<Server> servers, String after) {

	static UpstreamBlock parse(String content, String name) {
		Matcher start = Pattern.compile("(?:^|[\\s;}])upstream\\s+" + Pattern.quote(name) + "\\s*\\{").matcher(content);
		if (!start.find()) {
			throw new LoadBalancerException("no 'upstream " + name + " { ... }' block in the file");
		}
		int end = content.indexOf('}', start.end());
		if (end < 0) {
			throw new LoadBalancerException("the 'upstream " + name + "' block is not closed");
		}
		int blockStart = content.indexOf("upstream", start.start());
		List<String> directives = new ArrayList<>();
		List<Server> servers = new ArrayList<>();
		String body = content.substring(start.end(), end).replaceAll("#[^\\n]*", "");
		for (String statement : body.split(";")) {
			String[] words = statement.trim().split("\\s+");
			if (words[0].isEmpty()) {
				continue;
			}
			if (words[0].equals("server") && words.length > 1) {
				servers.add(Server.parse(words));
			}
			else {
				directives.add(String.join(" ", words));
			}
		}
		return new UpstreamBlock(name, content.substring(0, blockStart), directives, servers,
				content.substring(end + 1));
	}

	/** Share per server: its weight over the sum of weights; down and backup get 0. */
	MemberShares shares() {
		Map<String, Integer> weights = new LinkedHashMap<>();
		servers.forEach(server -> weights.put(server.address(), server.receivesTraffic() ? server.weight() : 0));
		return MemberShares.fromWeights(weights);
	}

	/**
	 * The block with the shares applied: named servers get their weight (0% is
	 * {@code down}, as NGINX rejects weight 0), servers not named stay as they are,
	 * members the block lacks are added.
	 */
	UpstreamBlock with(MemberShares desired) {
		Map<String, Integer> weights = WholeWeights.of(desired);
		List<Server> updated = new ArrayList<>();
		for (Server server : servers) {
			Integer weight = weights.remove(server.address());
			updated.add(weight == null ? server : server.weighted(weight));
		}
		weights.forEach(
				(address, weight) -> updated.add(new Server(address, 1, false, false, List.of()).weighted(weight)));
		return new UpstreamBlock(name, before, directives, updated, after);
	}

	String render() {
		StringBuilder text = new StringBuilder(before).append("upstream ").append(name).append(" {\n");
		text.append("    # written by ReleaseGate: server weights change with every traffic change\n");
		directives.forEach(directive -> text.append("    ").append(directive).append(";\n"));
		servers.forEach(server -> text.append("    ").append(server.render()).append(";\n"));
		return text.append("}").append(after.isEmpty() ? "\n" : after).toString();
	}

	/** A {@code server} line: address, weight, flags, and other parameters kept as is. */
	record Server(String address, int weight, boolean down, boolean backup, List<String> others) {

		static Server parse(String[] words) {
			int weight = 1;
			boolean down = false;
			boolean backup = false;
			List<String> others = new ArrayList<>();
			for (int i = 2; i < words.length; i++) {
				String word = words[i];
				if (word.startsWith("weight=")) {
					weight = weight(word);
				}
				else if (word.equals("down")) {
					down = true;
				}
				else if (word.equals("backup")) {
					backup = true;
				}
				else {
					others.add(word);
				}
			}
			return new Server(words[1], weight, down, backup, others);
		}

		private static int weight(String word) {
			try {
				return Integer.parseInt(word.substring("weight=".length()));
			}
			catch (NumberFormatException ex) {
				throw new LoadBalancerException("unreadable '" + word + "' in the upstream block");
			}
		}

		boolean receivesTraffic() {
			return !down && !backup;
		}

		/** Weight 0 means down; a server given traffic stops being a backup. */
		Server weighted(int newWeight) {
			return newWeight == 0 ? new Server(address, weight, true, backup, others)
					: new Server(address, newWeight, false, false, others);
		}

		String render() {
			StringBuilder line = new StringBuilder("server ").append(address);
			if (!down) {
				line.append(" weight=").append(weight);
			}
			others.forEach(other -> line.append(' ').append(other));
			if (backup) {
				line.append(" backup");
			}
			if (down) {
				line.append(" down");
			}
			return line.toString();
		}

	}

}
