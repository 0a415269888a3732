package org.releasegate.releases;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A product owner's decision on a release; voided when the plan changes afterwards. */
@Embeddable
class Approval {

	enum Decision {

		APPROVE, REJECT

	}

	private String username;

	@Enumerated(EnumType.STRING)
	private Decision decision;

	private String comment;

	private Instant decidedAt;

	private boolean voided;

	protected Approval() {
	}

	Approval(String username, Decision decision, String comment, Instant decidedAt) {
		this.username = username;
		this.decision = decision;
		this.comment = comment;
		this.decidedAt = decidedAt;
	}

	void voidIt() {
		this.voided = true;
	}

	boolean counts() {
		return !voided;
	}

	String username() {
		return username;
	}

	Decision decision() {
		return decision;
	}

	String comment() {
		return comment;
	}

	Instant decidedAt() {
		return decidedAt;
	}

	boolean voided() {
		return voided;
	}

}
