package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.FcmStandIn;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MailStandIn;
import com.allocar.testsupport.SmsStandIn;
import com.allocar.wallet.WalletFixtures;
import io.restassured.response.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every booking and trip transition reaches the other party once per channel: push through the FCM stand-in (the
 * OAuth bearer and the message checked), mail through GreenMail, SMS only where push cannot reach a critical one.
 */
class TransitionNotificationsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FcmStandIn fcm;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        fcm = FcmStandIn.start();
        SmsStandIn.start();
        MailStandIn.start();
    }

    private static List<String> kinds(List<FcmStandIn.Push> pushes) {
        return pushes.stream().map(push -> push.data().get("kind")).toList();
    }

    /** Waits until none of the user's notifications is still to be sent. */
    private static void settled(UUID userId) {
        FcmStandIn.eventually(() -> PushFixtures.outbox(userId).stream().allMatch(row -> row.endsWith(" sent")
                || row.endsWith(" failed")) ? true : null, WAIT, () -> "settled outbox of " + userId + ": "
                + PushFixtures.outbox(userId));
    }

    @Test
    void aBookingsLifeReachesEachPartyOncePerChannel() {
        TripRef trip = BookingFixtures.trip(2, false);
        UUID driver = trip.driver().id();
        Passenger passenger = Passenger.create();
        WalletFixtures.fund(passenger.id(), 6000);
        String driverDevice = PushFixtures.device(driver);
        String passengerDevice = PushFixtures.device(passenger.id());
        String driverMail = PushFixtures.verifiedEmail(driver);
        String passengerMail = PushFixtures.verifiedEmail(passenger.id());

        String booking = BookingFixtures.booked(passenger.token(), trip.id(), 1).getString("data.id");
        fcm.awaitDeliveredTo(driverDevice, 1, WAIT);
        assertThat(BookingFixtures.action(trip.driver().token(), booking, "accept", null).statusCode()).isEqualTo(200);
        fcm.awaitDeliveredTo(passengerDevice, 1, WAIT);
        Response paid = BookingFixtures.pay(passenger.token(), booking, "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        fcm.awaitDeliveredTo(passengerDevice, 2, WAIT);
        fcm.awaitDeliveredTo(driverDevice, 2, WAIT);
        Response cancelled = BookingFixtures.action(passenger.token(), booking, "cancel", "{\"reason\":\"Malade\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);

        List<FcmStandIn.Push> toDriver = fcm.awaitDeliveredTo(driverDevice, 3, WAIT);
        settled(driver);
        settled(passenger.id());
        assertThat(kinds(fcm.requestsTo(driverDevice)))
                .containsExactly("booking_requested", "passenger_paid", "passenger_cancelled");
        assertThat(kinds(fcm.requestsTo(passengerDevice))).containsExactly("booking_accepted", "booking_paid");
        assertThat(MailStandIn.awaitMailsTo(driverMail, 3, WAIT)).hasSize(3);
        assertThat(MailStandIn.mailsTo(passengerMail)).extracting(MailStandIn.Mail::subject)
                .containsExactly("AlloCar : Réservation acceptée", "AlloCar : Paiement confirmé");
        assertThat(SmsStandIn.requestsTo(PushFixtures.phoneOf(driver))).isEmpty();
        assertThat(SmsStandIn.requestsTo(PushFixtures.phoneOf(passenger.id()))).isEmpty();

        FcmStandIn.Push request = toDriver.get(0);
        assertThat(request.authorization()).startsWith("Bearer ya29.stand-in-");
        assertThat(request.title()).isEqualTo("Nouvelle demande de réservation");
        assertThat(request.body()).isEqualTo("Test demande 1 place pour Abidjan, Plateau → Yamoussoukro le "
                + DateTimeFormatter.ofPattern("dd/MM 'à' HH'h'mm").withZone(ZoneOffset.UTC).format(Db.value(
                        Timestamp.class, "SELECT departure_time FROM trips WHERE id = ?::uuid", trip.id()).toInstant())
                + ". Répondez dans l'application.");
        assertThat(request.data()).containsEntry("booking_id", booking).containsEntry("trip_id", trip.id())
                .containsEntry("event", "booking:" + booking + ":pending");
        assertThat(request.message().getJsonObject("android").getString("priority")).isEqualTo("high");
        assertThat(request.message().getJsonObject("apns").getJsonObject("headers").getString("apns-priority"))
                .isEqualTo("10");
        assertThat(fcm.tokenRequestProblems()).isEmpty();
    }

    @Test
    void passengersHearOfATripsChangeAndOfItsCancellationNotOfTheirBookingsCancellation() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        String device = PushFixtures.device(passenger.id());
        BookingFixtures.accepted(trip, passenger, 1);
        fcm.awaitDeliveredTo(device, 1, WAIT);

        String later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES).toString();
        Response changed = Clients.withToken(trip.driver().token())
                .body(Clients.json(Map.of("departure_time", later))).patch("/api/v1/trips/" + trip.id());
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        Response unrelated = Clients.withToken(trip.driver().token())
                .body(Clients.json(Map.of("allow_auto_accept", true))).patch("/api/v1/trips/" + trip.id());
        assertThat(unrelated.statusCode()).as(unrelated.asString()).isEqualTo(200);
        fcm.awaitDeliveredTo(device, 2, WAIT);
        Response cancelled = Clients.withToken(trip.driver().token()).body("{\"reason\":\"Panne du véhicule\"}")
                .post("/api/v1/trips/" + trip.id() + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);

        List<FcmStandIn.Push> pushes = fcm.awaitDeliveredTo(device, 3, WAIT);
        settled(passenger.id());
        assertThat(kinds(fcm.requestsTo(device))).containsExactly("booking_accepted", "trip_changed", "trip_cancelled");
        assertThat(pushes.get(1).data()).containsEntry("changed", "departure_time");
        assertThat(pushes.get(2).body()).contains("est annulé : Panne du véhicule.");
        assertThat(SmsStandIn.requestsTo(PushFixtures.phoneOf(passenger.id()))).isEmpty();
    }

    @Test
    void chatMessagesCoalescePerBookingAndRecipient() {
        TripRef trip = BookingFixtures.trip(2, false);
        Passenger passenger = Passenger.create();
        String device = PushFixtures.device(trip.driver().id());
        String booking = BookingFixtures.accepted(trip, passenger, 1);
        String chat = BookingFixtures.BOOKINGS + "/" + booking + "/messages";
        for (String text : List.of("Bonjour", "Je serai à l'heure", "Où est le point de départ ?")) {
            Response said = Clients.withToken(passenger.token()).body(Clients.json(Map.of("type", "text", "text", text)))
                    .post(chat);
            assertThat(said.statusCode()).as(said.asString()).isEqualTo(201);
        }

        long slots = Db.value(Long.class, "SELECT count(DISTINCT floor(extract(epoch FROM created_at) / 300)) "
                + "FROM messages WHERE booking_id = ?::uuid", booking);
        fcm.awaitDeliveredTo(device, 1, WAIT);
        settled(trip.driver().id());
        List<FcmStandIn.Push> chats = fcm.requestsTo(device).stream()
                .filter(push -> "chat_message".equals(push.data().get("kind"))).toList();
        assertThat(chats).hasSize((int) slots);
        assertThat(chats.get(0).title()).isEqualTo("Nouveau message de Test");
        assertThat(chats.get(0).body()).isEqualTo("Bonjour");
        assertThat(chats.get(0).data()).containsEntry("booking_id", booking);
    }

    @Test
    void anUnregisteredDeviceIsForgottenAndACriticalNoticeFallsBackToSms() {
        UUID user = com.allocar.testsupport.TestTokens.newUser();
        String device = PushFixtures.device(user);
        fcm.unregister(device);

        assertThat(PushFixtures.notice(user, NotificationKind.booking_paid, "it:" + UUID.randomUUID(),
                Map.of("route", "Abidjan → Bouaké", "seats", "1", "amount", "6000", "departure", "demain"))).isTrue();

        String sms = SmsStandIn.awaitMessageTo(PushFixtures.phoneOf(user), WAIT);
        assertThat(sms).startsWith("AlloCar : Votre paiement de 6000 est confirmé");
        assertThat(fcm.requestsTo(device)).extracting(FcmStandIn.Push::status).containsExactly(404);
        assertThat(PushFixtures.deviceExists(device)).isFalse();
        settled(user);
        assertThat(PushFixtures.outbox(user)).containsExactlyInAnyOrder("push failed", "sms sent");
        assertThat(SmsStandIn.requestsTo(PushFixtures.phoneOf(user))).hasSize(1);
    }

    @Test
    void aCriticalNoticeGoesBySmsOnlyWhenNoPushArrives() {
        UUID user = com.allocar.testsupport.TestTokens.newUser();
        String gone = PushFixtures.device(user);
        String alive = PushFixtures.device(user);
        fcm.unregister(gone);

        PushFixtures.notice(user, NotificationKind.passenger_cancelled, "it:" + UUID.randomUUID(), Map.of());

        fcm.awaitDeliveredTo(alive, 1, WAIT);
        FcmStandIn.eventually(() -> PushFixtures.deviceExists(gone) ? null : true, WAIT, () -> "device forgotten");
        settled(user);
        assertThat(PushFixtures.outbox(user)).containsExactlyInAnyOrder("push sent", "push failed");
        assertThat(SmsStandIn.requestsTo(PushFixtures.phoneOf(user))).isEmpty();
    }

    @Test
    void withoutADeviceOnlyCriticalNoticesGoBySms() {
        UUID user = com.allocar.testsupport.TestTokens.newUser();

        assertThat(PushFixtures.notice(user, NotificationKind.booking_accepted, "it:" + UUID.randomUUID(), Map.of()))
                .isFalse();
        assertThat(PushFixtures.notice(user, NotificationKind.trip_cancelled, "it:" + UUID.randomUUID(),
                Map.of("route", "Abidjan → Bouaké", "departure", "demain"))).isTrue();

        assertThat(SmsStandIn.awaitMessageTo(PushFixtures.phoneOf(user), WAIT))
                .isEqualTo("AlloCar : Le trajet Abidjan → Bouaké du demain est annulé. Tout paiement vous est "
                        + "remboursé en totalité.");
        settled(user);
        assertThat(PushFixtures.outbox(user)).containsExactly("sms sent");
    }

    @Test
    void theSameEventReachesAUserOnce() {
        UUID user = com.allocar.testsupport.TestTokens.newUser();
        String device = PushFixtures.device(user);
        String event = "it:" + UUID.randomUUID();

        assertThat(PushFixtures.notice(user, NotificationKind.booking_paid, event, Map.of())).isTrue();
        assertThat(PushFixtures.notice(user, NotificationKind.booking_paid, event, Map.of())).isFalse();

        fcm.awaitDeliveredTo(device, 1, WAIT);
        settled(user);
        assertThat(fcm.requestsTo(device)).hasSize(1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key = ?", event))
                .isEqualTo(1);
    }

    @Test
    void theAccessTokenIsFetchedOnceAndReused() {
        UUID user = com.allocar.testsupport.TestTokens.newUser();
        String device = PushFixtures.device(user);
        PushFixtures.notice(user, NotificationKind.booking_accepted, "it:" + UUID.randomUUID(), Map.of());
        fcm.awaitDeliveredTo(device, 1, WAIT);
        int grants = fcm.tokenGrants();

        PushFixtures.notice(user, NotificationKind.booking_rejected, "it:" + UUID.randomUUID(), Map.of());
        PushFixtures.notice(user, NotificationKind.booking_expired, "it:" + UUID.randomUUID(), Map.of());

        List<FcmStandIn.Push> pushes = fcm.awaitDeliveredTo(device, 3, WAIT);
        assertThat(grants).isGreaterThanOrEqualTo(1);
        assertThat(fcm.tokenGrants()).isEqualTo(grants);
        assertThat(pushes).extracting(FcmStandIn.Push::authorization).containsOnly(pushes.get(0).authorization());
        assertThat(fcm.tokenRequestProblems()).isEmpty();
    }
}
