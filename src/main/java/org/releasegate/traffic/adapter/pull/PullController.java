package org.releasegate.traffic.adapter.pull;

import java.util.Map;

import org.releasegate.common.NotFoundException;
import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where polling load balancers fetch their split. Any signed-in caller may read it (a
 * token of any role, e.g. an AUDITOR's, sent by Traefik's {@code headers} option): the
 * split reveals member names, so it is not public.
 */
@RestController
class PullController {

	private final PullSplits splits;

	PullController(PullSplits splits) {
		this.splits = splits;
	}

	@GetMapping("/api/v1/pull/{key}/traefik")
	@io.swagger.v3.oas.annotations.Operation(summary = "Traefik configuration of a pull key's split")
	@PreAuthorize("isAuthenticated()")
	TraefikConfiguration traefik(@PathVariable String key) {
		Map<String, Double> stored = PullAdapter.KEY.matcher(key).matches() ? splits.find(key) : Map.of();
		if (stored.isEmpty()) {
			throw new NotFoundException("no split has been stored under the pull key '" + key + "'");
		}
		return TraefikConfiguration.of(key, MemberShares.fromWeights(stored));
	}

}
