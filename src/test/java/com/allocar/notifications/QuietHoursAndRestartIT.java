package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.FcmStandIn;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MailStandIn;
import com.allocar.testsupport.SmsStandIn;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours hold what can wait and let critical notices through; a notice queued while the outbox worker is
 * stopped is sent once it starts again (nothing lost between enqueue and send).
 */
class QuietHoursAndRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WORKER = "/api/v1/_probes/notifications/worker/";
    private static FcmStandIn fcm;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        fcm = FcmStandIn.start();
        SmsStandIn.start();
        MailStandIn.start();
    }

    private static Instant nextAttemptOf(UUID userId, String kindEvent) {
        return Db.value(Timestamp.class, "SELECT next_attempt_at FROM outbox_messages WHERE user_id = ? "
                + "AND event_key = ?", userId, kindEvent).toInstant();
    }

    @Test
    void quietHoursHoldWhatCanWaitButNotWhatIsCritical() {
        UUID user = TestTokens.newUser();
        String device = PushFixtures.device(user);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.minusHours(1).format(hhmm);
        String end = now.plusHours(2).format(hhmm);
        Response quiet = Clients.withToken(TestTokens.forUser(user)).body(Clients.json(Map.of("quiet_hours",
                Map.of("enabled", true, "start", start, "end", end)))).patch(PushFixtures.PREFERENCES);
        assertThat(quiet.statusCode()).as(quiet.asString()).isEqualTo(200);
        String canWait = "it:" + UUID.randomUUID();
        String critical = "it:" + UUID.randomUUID();

        assertThat(PushFixtures.notice(user, NotificationKind.trip_reminder_24h, canWait, Map.of())).isTrue();
        assertThat(PushFixtures.notice(user, NotificationKind.booking_cancelled, critical, Map.of())).isTrue();

        List<FcmStandIn.Push> delivered = fcm.awaitDeliveredTo(device, 1, WAIT);
        FcmStandIn.eventually(() -> PushFixtures.outbox(user).contains("push sent") ? true : null, WAIT, () -> "sent");
        assertThat(delivered.get(0).data()).containsEntry("kind", "booking_cancelled");
        assertThat(fcm.requestsTo(device)).hasSize(1);
        assertThat(PushFixtures.outbox(user)).containsExactlyInAnyOrder("push pending", "push sent");
        Instant held = nextAttemptOf(user, canWait);
        assertThat(held).isAfter(Instant.now().plus(Duration.ofMinutes(100)))
                .isBefore(Instant.now().plus(Duration.ofHours(2)).plusSeconds(60));
        assertThat(held.atOffset(ZoneOffset.UTC).toLocalTime().format(hhmm)).isEqualTo(end);
    }

    @Test
    void aNoticeQueuedWhileTheWorkerIsStoppedIsSentOnceItStarts() {
        UUID user = TestTokens.newUser();
        String device = PushFixtures.device(user);
        String mail = PushFixtures.verifiedEmail(user);
        try {
            Response stopped = Clients.anonymous().post(WORKER + "stop");
            assertThat(stopped.statusCode()).as(stopped.asString()).isEqualTo(200);
            assertThat(stopped.jsonPath().getBoolean("data.running")).isFalse();

            assertThat(PushFixtures.notice(user, NotificationKind.booking_accepted, "it:" + UUID.randomUUID(),
                    Map.of("route", "Abidjan → Bouaké", "departure", "demain"))).isTrue();
            assertThat(PushFixtures.outbox(user)).containsExactlyInAnyOrder("push pending", "email pending");
        } finally {
            Response started = Clients.anonymous().post(WORKER + "start");
            assertThat(started.statusCode()).as(started.asString()).isEqualTo(200);
            assertThat(started.jsonPath().getBoolean("data.running")).isTrue();
        }

        assertThat(fcm.awaitDeliveredTo(device, 1, WAIT).get(0).title()).isEqualTo("Réservation acceptée");
        assertThat(MailStandIn.awaitMailTo(mail, WAIT).subject()).isEqualTo("AlloCar : Réservation acceptée");
        FcmStandIn.eventually(() -> PushFixtures.outbox(user).stream().allMatch(row -> row.endsWith(" sent")) ? true : null,
                WAIT, () -> "sent: " + PushFixtures.outbox(user));
        assertThat(fcm.requestsTo(device)).hasSize(1);
        assertThat(MailStandIn.mailsTo(mail)).hasSize(1);
    }
}
