package org.releasegate.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.releasegate.Api;
import org.releasegate.ServiceProcess;
import org.releasegate.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar on a database of its own: notifications committed by an instance that
 * is killed (SIGKILL) before it delivers them are delivered after a restart, exactly
 * once, by two instances polling the same outbox.
 */
class NotificationsRestartIT {

	@Test
	void committedNotificationsSurviveAKillAndAreDeliveredOnceByTwoInstances() throws Exception {
		ServiceProcess.assumePackaged();
		try (TestDatabase.Extra database = TestDatabase.extra(); Receiver receiver = new Receiver()) {
			List<String> ids = new ArrayList<>();
			int port = ServiceProcess.freePort();
			// this instance never polls within the test: what it commits waits in the
			// outbox
			try (ServiceProcess first = start(database, receiver, port, "1h")) {
				Api api = Api.at(port);
				for (int i = 0; i < 3; i++) {
					ids.add(new Scene(api, (username, email) -> setEmail(database, username, email)).request());
				}
				assertThat(pending(database)).isEqualTo(6);
				first.kill();
			}
			assertThat(receiver.at("/events")).isEmpty();

			int second = ServiceProcess.freePort();
			int third = ServiceProcess.freePort();
			CompletableFuture<ServiceProcess> starting = CompletableFuture
				.supplyAsync(() -> startUnchecked(database, receiver, third));
			try (ServiceProcess two = start(database, receiver, second, "100ms");
					ServiceProcess three = starting.join()) {
				Api api = Api.at(second);
				ids.add(new Scene(api, (username, email) -> setEmail(database, username, email)).request());
				await().atMost(Duration.ofSeconds(60)).until(() -> pending(database) == 0);
				// a duplicate would arrive right after the first delivery: give it time
				// to show
				await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
			}
			for (String id : ids) {
				assertThat(receiver.at("/events").stream().filter(r -> r.text().contains(id))).as(id).hasSize(1);
				assertThat(receiver.at("/slack").stream().filter(r -> r.text().contains(id))).as(id).hasSize(1);
			}
			assertThat(sent(database)).isEqualTo(8);
		}
	}

	private static ServiceProcess start(TestDatabase.Extra database, Receiver receiver, int port, String pollEvery)
			throws Exception {
		return ServiceProcess.start(database.url(), database.user(), database.password(), port,
				"--releasegate.public-url=https://releasegate.example.test",
				"--releasegate.notifications.poll-every=" + pollEvery,
				"--releasegate.notifications.channels.events.type=cloudevents",
				"--releasegate.notifications.channels.events.url=" + receiver.url("/events"),
				"--releasegate.notifications.channels.events.secret=restart-secret",
				"--releasegate.notifications.channels.chat.type=slack",
				"--releasegate.notifications.channels.chat.url=" + receiver.url("/slack"),
				"--releasegate.notifications.subscriptions[0].channel=events",
				"--releasegate.notifications.subscriptions[0].events=release.requested",
				"--releasegate.notifications.subscriptions[1].channel=chat",
				"--releasegate.notifications.subscriptions[1].events=release.requested");
	}

	private static ServiceProcess startUnchecked(TestDatabase.Extra database, Receiver receiver, int port) {
		try {
			return start(database, receiver, port, "100ms");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void setEmail(TestDatabase.Extra database, String username, String email) {
		try (Connection connection = database.connect();
				PreparedStatement update = connection
					.prepareStatement("update users set email = ? where username = ?")) {
			update.setString(1, email);
			update.setString(2, username);
			update.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int pending(TestDatabase.Extra database) throws SQLException {
		return count(database, "PENDING");
	}

	private static int sent(TestDatabase.Extra database) throws SQLException {
		return count(database, "SENT");
	}

	private static int count(TestDatabase.Extra database, String status) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement query = connection
					.prepareStatement("select count(*) from notification_deliveries where status = ?")) {
			query.setString(1, status);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
