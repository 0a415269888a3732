package org.releasegate.releases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A person's word on a checklist item: an attestation, or a release manager's waiver. */
@Embeddable
class ChecklistMark {

	enum Kind {

		ATTESTED, WAIVED

	}

	@Column(name = "item_key")
	private String key;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String comment;

	private String markedBy;

	private Instant markedAt;

	protected ChecklistMark() {
	}

	ChecklistMark(String key, Kind kind, String comment, String markedBy, Instant markedAt) {
		this.key = key;
		this.kind = kind;
		this.comment = comment;
		this.markedBy = markedBy;
		this.markedAt = markedAt;
	}

	String key() {
		return key;
	}

	Kind kind() {
		return kind;
	}

	String comment() {
		return comment;
	}

	String markedBy() {
		return markedBy;
	}

	Instant markedAt() {
		return markedAt;
	}

}
