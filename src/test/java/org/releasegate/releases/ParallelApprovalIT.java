package org.releasegate.releases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.releases.Calls.Reply;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.releasegate.releases.Calls.get;
import static org.releasegate.releases.Calls.post;
import static org.releasegate.releases.Calls.put;

/**
 * Twenty product owners decide on one release at the same moment, on real PostgreSQL: the
 * row lock makes them queue, so every accepted decision is in the record exactly once and
 * the release ends in one state.
 */
@FullStackTest
class ParallelApprovalIT {

	static final int CALLS = 20;

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	final ExecutorService pool = Executors.newFixedThreadPool(CALLS);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	record Setup(String app, String release, Api.Person engineer, List<Api.Person> owners) {
	}

	Setup release(int owners, int requiredApprovals) {
		Api.Person engineer = api.person("ENGINEER");
		Api.Person manager = api.person("RELEASE_MANAGER");
		List<Api.Person> people = new ArrayList<>();
		for (int i = 0; i < owners; i++) {
			people.add(api.person("PRODUCT_OWNER"));
		}
		String app = api.application(people.stream().map(Api.Person::username).toArray(String[]::new));
		api.deployment(app, "production", "1.0.0", app + "-v1");
		put(manager.client(), "/api/v1/applications/{app}/environments/production/policy",
				Map.of("soakMinutes", 0, "requiredApprovals", requiredApprovals), app);
		Reply created = post(engineer.client(), "/api/v1/releases",
				Map.of("application", app, "environment", "production", "candidateVersion", "1.0.0", "strategy",
						Map.of("type", "ALL_AT_ONCE"), "onCallContact", "pager: ops"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = (String) created.get("id");
		post(engineer.client(), "/api/v1/releases/{id}/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "flat"), id);
		return new Setup(app, id, engineer, people);
	}

	/** Sends the calls from twenty threads released at once; returns the replies. */
	List<Reply> allAtOnce(Setup setup, List<Api.Person> callers, List<String> decisions) throws Exception {
		CountDownLatch ready = new CountDownLatch(CALLS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Reply>> futures = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			Api.Person caller = callers.get(i);
			String decision = decisions.get(i);
			futures.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				Map<String, Object> body = new HashMap<>();
				body.put("decision", decision);
				body.put("comment", decision.equals("REJECT") ? "not now" : "fine");
				return post(caller.client(), "/api/v1/releases/{id}/approvals", body, setup.release());
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<Reply> replies = new ArrayList<>();
		for (Future<Reply> future : futures) {
			replies.add(future.get(120, TimeUnit.SECONDS));
		}
		return replies;
	}

	int audited(Setup setup, String action) {
		return jdbc.queryForObject("select count(*) from audit_events where subject_id = ? and action = ?",
				Integer.class, setup.release(), action);
	}

	@Test
	void twentyOwnersApproveAtOnceAndEveryApprovalCountsOnce() throws Exception {
		Setup setup = release(CALLS, CALLS);
		List<Reply> replies = allAtOnce(setup, setup.owners(), java.util.Collections.nCopies(CALLS, "APPROVE"));
		assertThat(replies).extracting(Reply::status).containsOnly(200);
		Reply release = get(setup.engineer().client(), "/api/v1/releases/{id}", setup.release());
		assertThat(release.body()).containsEntry("status", "APPROVED");
		assertThat(release.list("approvals")).extracting(a -> a.get("by"))
			.containsExactlyInAnyOrderElementsOf(setup.owners().stream().map(Api.Person::username).toList());
		assertThat(audited(setup, "release.approval-given")).isEqualTo(CALLS);
		assertThat(audited(setup, "release.approved")).isEqualTo(1);
		// exactly one reply saw the release become APPROVED: the twentieth approval
		assertThat(replies).filteredOn(r -> "APPROVED".equals(r.get("status"))).hasSize(1);
	}

	@Test
	void oneOwnerClickingTwentyTimesCountsOnce() throws Exception {
		Setup setup = release(1, 2);
		List<Reply> replies = allAtOnce(setup, java.util.Collections.nCopies(CALLS, setup.owners().get(0)),
				java.util.Collections.nCopies(CALLS, "APPROVE"));
		assertThat(replies).extracting(Reply::status).containsOnly(200, 409);
		assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
		Reply release = get(setup.engineer().client(), "/api/v1/releases/{id}", setup.release());
		assertThat(release.list("approvals")).hasSize(1);
		assertThat(release.body()).containsEntry("status", "REQUESTED");
		assertThat(audited(setup, "release.approval-given")).isEqualTo(1);
	}

	@Test
	void approvalsRacingRejectionsEndInOneConsistentOutcome() throws Exception {
		Setup setup = release(CALLS, CALLS);
		List<String> decisions = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			decisions.add(i % 2 == 0 ? "APPROVE" : "REJECT");
		}
		List<Reply> replies = allAtOnce(setup, setup.owners(), decisions);
		assertThat(replies).extracting(Reply::status).containsOnly(200, 409);
		Reply release = get(setup.engineer().client(), "/api/v1/releases/{id}", setup.release());
		assertThat(release.body()).containsEntry("status", "REJECTED");
		List<Map<String, Object>> decided = release.list("approvals");
		List<Map<String, Object>> rejections = decided.stream()
			.filter(a -> "REJECT".equals(a.get("decision")))
			.toList();
		assertThat(rejections).hasSize(1);
		long approvals = decided.size() - 1L;
		// every 200 is in the record, every 409 is not: nothing lost, nothing twice
		assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(decided.size());
		assertThat(audited(setup, "release.approval-given")).isEqualTo((int) approvals);
		assertThat(audited(setup, "release.rejected")).isEqualTo(1);
		assertThat(audited(setup, "release.approved")).isZero();
		assertThat(decided).extracting(a -> a.get("by")).doesNotHaveDuplicates();
		// the rejection is the last decision taken; everything after it was refused
		assertThat(decided.get(decided.size() - 1)).containsEntry("decision", "REJECT");
	}

}
