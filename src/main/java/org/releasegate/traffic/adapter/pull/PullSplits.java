package org.releasegate.traffic.adapter.pull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.releasegate.traffic.adapter.MemberShares;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored splits, one row per key and member. */
@Repository
class PullSplits {

	private final JdbcClient jdbc;

	PullSplits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the shares; members stored before but not named keep their share. */
	@Transactional
	void save(String key, MemberShares shares, Instant now) {
		shares.percentByMember()
			.forEach((member, percent) -> jdbc
				.sql("""
						insert into traffic_pull_shares (pull_key, member, percent, updated_at)
						values (:key, :member, :percent, :now)
						on conflict (pull_key, member) do update set percent = excluded.percent, updated_at = excluded.updated_at
						""")
				.param("key", key)
				.param("member", member)
				.param("percent", percent)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update());
	}

	/** Percent per member in name order; empty when nothing was stored for the key. */
	@Transactional(readOnly = true)
	Map<String, Double> find(String key) {
		Map<String, Double> shares = new LinkedHashMap<>();
		jdbc.sql("select member, percent from traffic_pull_shares where pull_key = :key order by member")
			.param("key", key)
			.query((row, number) -> shares.put(row.getString("member"), row.getDouble("percent")))
			.list();
		return shares;
	}

}
