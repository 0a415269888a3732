package org.releasegate.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.releasegate.Api;
import org.releasegate.FullStackTest;
import org.releasegate.ServiceProcess;
import org.releasegate.traffic.InMemoryLoadBalancer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications end to end on a real SMTP server (GreenMail) and a real HTTP receiver:
 * the approval request reaches the owners by email with an absolute link, and Slack,
 * Teams and CloudEvents webhooks with their bodies and signature; a receiver that is down
 * for a while gets every message once when it is back.
 */
@FullStackTest
class NotificationsIT {

	static final String SECRET = "cloudevents-test-secret";

	static final String PUBLIC_URL = "https://releasegate.example.test";

	static final GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static final Receiver receiver = receiver();

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void notifications(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		properties.add("releasegate.public-url", () -> PUBLIC_URL);
		properties.add("releasegate.notifications.poll-every", () -> "100ms");
		properties.add("releasegate.notifications.first-retry", () -> "200ms");
		properties.add("releasegate.notifications.longest-retry", () -> "1s");
		properties.add("releasegate.notifications.channels.team-slack.type", () -> "slack");
		properties.add("releasegate.notifications.channels.team-slack.url", () -> receiver.url("/slack"));
		properties.add("releasegate.notifications.channels.teams.type", () -> "teams");
		properties.add("releasegate.notifications.channels.teams.url", () -> receiver.url("/teams"));
		properties.add("releasegate.notifications.channels.events.type", () -> "cloudevents");
		properties.add("releasegate.notifications.channels.events.url", () -> receiver.url("/events"));
		properties.add("releasegate.notifications.channels.events.secret", () -> SECRET);
		for (int i = 0; i < 3; i++) {
			properties.add("releasegate.notifications.subscriptions[" + i + "].channel",
					List.of("team-slack", "teams", "events").get(i)::toString);
			properties.add("releasegate.notifications.subscriptions[" + i + "].events",
					() -> "release.requested,release.cancelled");
		}
	}

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@AfterAll
	static void stop() {
		smtp.stop();
		receiver.close();
	}

	@Test
	void theOwnersButTheRequesterGetTheApprovalRequestEverywhere() throws Exception {
		Scene scene = new Scene(api, this::setEmail);
		String id = scene.request();
		String link = PUBLIC_URL + "/releases/" + id;

		await().atMost(Duration.ofSeconds(60)).until(() -> scene.allSent(id, 4));
		assertThat(scene.history(id)).extracting(d -> d.get("recipient"))
			.containsExactlyInAnyOrder(Scene.email(scene.owner), "team-slack", "teams", "events");

		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(Scene.email(scene.owner));
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).isEqualTo(scene.app + " 2.0.0 to production needs your approval");
		assertThat(GreenMailUtil.getBody(mails[0])).contains(link);
		assertThat(smtp.getReceivedMessagesForDomain(Scene.email(scene.requester))).isEmpty();

		JsonNode slack = only("/slack", id);
		assertThat(slack.at("/blocks/0/text/text").asString()).contains("needs your approval");
		JsonNode button = slack.at("/blocks/2/elements/0");
		assertThat(button.get("type").asString()).isEqualTo("button");
		assertThat(button.get("url").asString()).isEqualTo(link);

		JsonNode teams = only("/teams", id);
		assertThat(teams.at("/attachments/0/contentType").asString())
			.isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(teams.at("/attachments/0/content/type").asString()).isEqualTo("AdaptiveCard");
		assertThat(teams.at("/attachments/0/content/actions/0/url").asString()).isEqualTo(link);

		Receiver.Received event = receiver.at("/events")
			.stream()
			.filter(r -> r.text().contains(id))
			.findFirst()
			.orElseThrow();
		assertThat(event.contentType()).startsWith("application/cloudevents+json");
		assertThat(event.signature())
			.isEqualTo(CloudEventsSender.signature(SECRET.getBytes(StandardCharsets.UTF_8), event.body()));
		JsonNode cloudEvent = json.readTree(event.body());
		assertThat(cloudEvent.get("specversion").asString()).isEqualTo("1.0");
		assertThat(cloudEvent.get("type").asString()).isEqualTo("org.releasegate.release.requested");
		assertThat(cloudEvent.get("source").asString()).startsWith(PUBLIC_URL);
		assertThat(cloudEvent.at("/data/link").asString()).isEqualTo(link);
		assertThat(cloudEvent.at("/data/application").asString()).isEqualTo(scene.app);
	}

	@Test
	void aReceiverThatIsDownForAWhileGetsEveryMessageOnce() throws Exception {
		Scene scene = new Scene(api, this::setEmail);
		Scene second = new Scene(api, this::setEmail);
		receiver.down(true);
		List<String> ids;
		try {
			// one open release per application and environment
			ids = List.of(scene.request(), second.request());
			await().atMost(Duration.ofSeconds(60))
				.until(() -> ids.stream()
					.flatMap(id -> scene.history(id).stream())
					.filter(d -> "the webhook answered with HTTP status 503".equals(d.get("error")))
					.count() >= 4);
		}
		finally {
			receiver.down(false);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> scene.allSent(id, 4)));
		for (String id : ids) {
			for (String path : List.of("/slack", "/teams", "/events")) {
				assertThat(receiver.at(path).stream().filter(r -> r.text().contains(id))).as(path + " " + id)
					.hasSize(1);
			}
		}
		assertThat(scene.history(ids.get(0))).allSatisfy(d -> assertThat(d.get("error")).isNull());
		String metrics = api.anonymous()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(metrics).contains("releasegate_notifications_failed_total{channel=\"events\"")
			.contains("releasegate_notifications_delivered_total{channel=\"email\"");
	}

	@Test
	void aCanaryWaitingForAConfirmationTellsTheOwners() throws Exception {
		Scene scene = new Scene(api, this::setEmail);
		Api.Person manager = bound(scene);
		put(manager, "/api/v1/applications/{app}/environments/production/policy", Map.of("soakMinutes", 0), scene.app);
		List<Map<String, Object>> steps = List.of(Map.of("weight", 10, "pause", "PT1H", "requiresConfirmation", false),
				Map.of("weight", 50, "pause", "PT1M", "requiresConfirmation", true),
				Map.of("weight", 100, "pause", "PT0S", "requiresConfirmation", false));
		String id = scene.request(Map.of("type", "CANARY", "steps", steps));
		post(scene.owner, "/api/v1/releases/{id}/approvals", Map.of("decision", "APPROVE"), id);
		post(scene.requester, "/api/v1/releases/{id}/checklist/normal-behaviour",
				Map.of("action", "ATTEST", "comment", "error rate flat"), id);
		post(scene.requester, "/api/v1/releases/{id}/start", Map.of(), id);

		String subject = scene.app + " 2.0.0 to production waits for your confirmation";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> List.of(smtp.getReceivedMessagesForDomain(Scene.email(scene.owner)))
				.stream()
				.anyMatch(mail -> subject.equals(subject(mail))));
		MimeMessage mail = List.of(smtp.getReceivedMessagesForDomain(Scene.email(scene.owner)))
			.stream()
			.filter(m -> subject.equals(subject(m)))
			.findFirst()
			.orElseThrow();
		assertThat(GreenMailUtil.getBody(mail)).contains(PUBLIC_URL + "/releases/" + id)
			.contains("Step 2 gives the candidate 50 percent");
	}

	@Test
	void aRollbackTheLoadBalancerDidNotTakeTellsTheOwnersAndTheReleaseManagers() throws Exception {
		Scene scene = new Scene(api, this::setEmail);
		Api.Person manager = bound(scene);
		setEmail(manager.username(), Scene.email(manager));
		put(manager, "/api/v1/applications/{app}/environments/production/traffic",
				Map.of("split", Map.of("2.0.0", 100), "reason", "2.0.0 takes over"), scene.app);
		InMemoryLoadBalancer.get(scene.app).down(true);
		try {
			manager.client()
				.post()
				.uri("/api/v1/applications/{app}/environments/production/rollback", scene.app)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("reason", "errors on 2.0.0"))
				.exchange()
				.expectStatus()
				.isAccepted();
			String subject = "The rollback of " + scene.app + " in production did not reach the load balancer";
			for (Api.Person person : List.of(scene.owner, manager)) {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> List.of(smtp.getReceivedMessagesForDomain(Scene.email(person)))
						.stream()
						.anyMatch(mail -> subject.equals(subject(mail))));
			}
			MimeMessage mail = List.of(smtp.getReceivedMessagesForDomain(Scene.email(scene.owner)))
				.stream()
				.filter(m -> subject.equals(subject(m)))
				.findFirst()
				.orElseThrow();
			assertThat(GreenMailUtil.getBody(mail)).contains(PUBLIC_URL + "/applications/" + scene.app)
				.contains("instead of 1.0.0");
			// the reconciler keeps failing: still one message per person
			Thread.sleep(1500);
			assertThat(List.of(smtp.getReceivedMessagesForDomain(Scene.email(scene.owner))))
				.filteredOn(m -> subject.equals(subject(m)))
				.hasSize(1);
		}
		finally {
			InMemoryLoadBalancer.get(scene.app).down(false);
		}
	}

	/** A release manager binds the scene's application to an in-memory load balancer. */
	private Api.Person bound(Scene scene) {
		Api.Person manager = api.person("RELEASE_MANAGER");
		InMemoryLoadBalancer.create(scene.app, Map.of("blue", 100.0, "green", 0.0));
		put(manager, "/api/v1/applications/{app}/environments/production/binding",
				Map.of("connection", "memory", "settings", Map.of("name", scene.app)), scene.app);
		put(manager, "/api/v1/applications/{app}/environments/production/traffic",
				Map.of("split", Map.of("1.0.0", 100), "reason", "1.0.0 is stable"), scene.app);
		return manager;
	}

	private static void put(Api.Person by, String uri, Object body, Object... variables) {
		by.client()
			.put()
			.uri(uri, variables)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private static void post(Api.Person by, String uri, Object body, Object... variables) {
		by.client()
			.post()
			.uri(uri, variables)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theHistoryOfAMissingReleaseIsNotFound() {
		api.admin()
			.get()
			.uri("/api/v1/releases/{id}/notifications", java.util.UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private JsonNode only(String path, String release) {
		List<Receiver.Received> matching = receiver.at(path).stream().filter(r -> r.text().contains(release)).toList();
		assertThat(matching).as(path).hasSize(1);
		return json.readTree(matching.get(0).body());
	}

	private void setEmail(String username, String email) {
		jdbc.sql("update users set email = ? where username = ?").params(email, username).update();
	}

	private static int freePort() {
		try {
			return ServiceProcess.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Receiver receiver() {
		try {
			return new Receiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
