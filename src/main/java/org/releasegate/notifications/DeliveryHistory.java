package org.releasegate.notifications;

import java.util.List;
import java.util.UUID;

import org.releasegate.common.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Who was told what about a release, and how it went: {@code GET
 * /api/v1/releases/{id}/notifications} and the release page's fragment.
 */
@Controller
class DeliveryHistory {

	private final Outbox outbox;

	private final KnownReleases releases;

	DeliveryHistory(Outbox outbox, KnownReleases releases) {
		this.outbox = outbox;
		this.releases = releases;
	}

	@GetMapping("/api/v1/releases/{id}/notifications")
	@ResponseBody
	@Transactional(readOnly = true)
	List<DeliveryView> api(@PathVariable UUID id) {
		return history(id).stream().map(DeliveryView::of).toList();
	}

	@GetMapping("/releases/{id}/notifications")
	@Transactional(readOnly = true)
	String fragment(@PathVariable UUID id, Model model) {
		model.addAttribute("deliveries", history(id).stream().map(DeliveryView::of).toList());
		return "notifications/history :: list";
	}

	private List<DeliveryRecord> history(UUID id) {
		if (!releases.exists(id)) {
			throw new NotFoundException("release " + id + " does not exist");
		}
		return outbox.history(id);
	}

	/** A delivery in the API: times as ISO-8601, the outcome in words. */
	record DeliveryView(String event, String channel, String recipient, String title, String status, int attempts,
			String outcome, java.time.Instant occurredAt, java.time.Instant sentAt, String error) {

		static DeliveryView of(DeliveryRecord record) {
			return new DeliveryView(record.event(), record.channel(), record.recipient(), record.title(),
					record.status().name(), record.attempts(), record.outcome(), record.occurredAt(), record.sentAt(),
					record.error());
		}

	}

}
