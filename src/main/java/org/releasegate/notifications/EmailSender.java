package org.releasegate.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** Email over the SMTP server of {@code spring.mail.*}: plain text and HTML. */
class EmailSender implements Sender {

	private final JavaMailSender mail;

	private final String from;

	EmailSender(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public void send(Delivery delivery) throws DeliveryFailed {
		try {
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(delivery.recipient());
			helper.setSubject(delivery.title());
			helper.setText(text(delivery), html(delivery));
			mail.send(message);
		}
		catch (MailException | MessagingException ex) {
			throw new DeliveryFailed("the mail server did not accept the message", ex);
		}
	}

	static String text(Delivery delivery) {
		return delivery.title() + "\n\n" + delivery.summary() + "\n\n" + context(delivery)
				+ (delivery.link() == null ? "" : "\nOpen it: " + delivery.link() + "\n");
	}

	/** A small, self-contained HTML mail: inline styles, as mail clients want. */
	static String html(Delivery delivery) {
		String button = delivery.link() == null ? ""
				: "<p style=\"margin:24px 0\"><a href=\"" + HtmlUtils.htmlEscape(delivery.link())
						+ "\" style=\"background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;"
						+ "text-decoration:none;font-weight:600\">" + action(delivery) + "</a></p>"
						+ "<p style=\"color:#555;font-size:13px\">Or copy this address: "
						+ HtmlUtils.htmlEscape(delivery.link()) + "</p>";
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(delivery.title()) + "</title></head>"
				+ "<body style=\"font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#111;"
				+ "max-width:560px;margin:0 auto;padding:24px\">"
				+ "<p style=\"color:#555;font-size:13px;margin:0 0 8px\">ReleaseGate</p>"
				+ "<h1 style=\"font-size:20px;margin:0 0 12px\">" + HtmlUtils.htmlEscape(delivery.title()) + "</h1>"
				+ "<p style=\"font-size:15px;line-height:1.5\">" + HtmlUtils.htmlEscape(delivery.summary()) + "</p>"
				+ "<p style=\"color:#555;font-size:13px\">" + HtmlUtils.htmlEscape(context(delivery)) + "</p>" + button
				+ "<hr style=\"border:0;border-top:1px solid #ddd;margin:24px 0\">"
				+ "<p style=\"color:#777;font-size:12px\">You receive this because you chose email notifications "
				+ "on your ReleaseGate account page.</p></body></html>";
	}

	static String action(Delivery delivery) {
		if ("release.requested".equals(delivery.event())) {
			return "Review and approve";
		}
		return delivery.release() != null ? "Open the release" : "Open in ReleaseGate";
	}

	static String context(Delivery delivery) {
		if (delivery.application() == null) {
			return "";
		}
		return "Application " + delivery.application() + ", environment " + delivery.environment() + ".";
	}

}
