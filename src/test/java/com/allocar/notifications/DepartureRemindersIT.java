package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.FcmStandIn;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.SmsStandIn;
import com.allocar.wallet.WalletFixtures;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Departure reminders (H-24, H-2) to the driver and each paid passenger: once each however many sweeps run (the
 * server sweeps every 2 s under scripts/test, and the probe sweeps on demand), none for a cancelled booking, and
 * new ones when the departure time changes.
 */
class DepartureRemindersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SWEEP = "/api/v1/_probes/reminders/sweep";
    private static FcmStandIn fcm;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        fcm = FcmStandIn.start();
        SmsStandIn.start();
    }

    private static void sweep() {
        Response swept = Clients.anonymous().post(SWEEP);
        assertThat(swept.statusCode()).as(swept.asString()).isEqualTo(200);
    }

    private static List<String> reminders(String device) {
        return fcm.requestsTo(device).stream().map(push -> push.data().get("kind"))
                .filter(kind -> kind.startsWith("trip_reminder")).toList();
    }

    /** A paid booking of a new passenger with a device; the device's token. */
    private static String paidPassenger(TripRef trip) {
        Passenger passenger = Passenger.create();
        String device = PushFixtures.device(passenger.id());
        WalletFixtures.fund(passenger.id(), 6000);
        String booking = BookingFixtures.accepted(trip, passenger, 1);
        Response paid = BookingFixtures.pay(passenger.token(), booking, "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        return device;
    }

    private static List<String> awaitReminders(String device, int count) {
        return FcmStandIn.eventually(() -> {
            List<String> found = reminders(device);
            return found.size() >= count ? found : null;
        }, WAIT, () -> count + " reminders to " + device + ": " + fcm.requestsTo(device));
    }

    @Test
    void twoHoursBeforeDepartureTheDriverAndEachPaidPassengerAreRemindedOnce() {
        TripRef trip = BookingFixtures.trip(3, false, Duration.ofMinutes(90));
        String driver = PushFixtures.device(trip.driver().id());
        String first = paidPassenger(trip);
        String second = paidPassenger(trip);
        Passenger quitter = Passenger.create();
        String quitterDevice = PushFixtures.device(quitter.id());
        String quitterBooking = BookingFixtures.accepted(trip, quitter, 1);
        assertThat(BookingFixtures.action(quitter.token(), quitterBooking, "cancel", "{}").statusCode()).isEqualTo(200);

        sweep();
        sweep();
        for (String device : List.of(driver, first, second)) {
            assertThat(awaitReminders(device, 1)).containsExactly("trip_reminder_2h");
        }
        sweep();

        String event = Db.value(String.class, "SELECT event_key FROM notification_events WHERE user_id = ? "
                + "AND kind = 'trip_reminder_2h'", trip.driver().id());
        assertThat(event).startsWith("reminder-2h:" + trip.id() + ":");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key = ?", event))
                .isEqualTo(3);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM outbox_messages WHERE event_key = ?", event))
                .isEqualTo(3);
        for (String device : List.of(driver, first, second)) {
            assertThat(reminders(device)).containsExactly("trip_reminder_2h");
        }
        assertThat(reminders(quitterDevice)).isEmpty();
        FcmStandIn.Push reminder = fcm.requestsTo(first).stream()
                .filter(push -> "trip_reminder_2h".equals(push.data().get("kind"))).findFirst().orElseThrow();
        assertThat(reminder.title()).isEqualTo("Départ dans 2 heures");
        assertThat(reminder.body()).startsWith("Rappel : départ Abidjan, Plateau → Yamoussoukro à ");
    }

    @Test
    void aReminderHeldByQuietHoursNeverReachesABookingCancelledMeanwhile() {
        TripRef trip = BookingFixtures.trip(2, true, Duration.ofHours(20));
        Passenger passenger = Passenger.create();
        String device = PushFixtures.device(passenger.id());
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        var hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        Response quiet = Clients.withToken(passenger.token()).body(Clients.json(java.util.Map.of("quiet_hours",
                java.util.Map.of("enabled", true, "start", now.minusHours(1).format(hhmm), "end",
                        now.plusHours(2).format(hhmm))))).patch(PushFixtures.PREFERENCES);
        assertThat(quiet.statusCode()).as(quiet.asString()).isEqualTo(200);
        WalletFixtures.fund(passenger.id(), 6000);
        String booking = BookingFixtures.accepted(trip, passenger, 1);
        assertThat(BookingFixtures.pay(passenger.token(), booking, "wallet").statusCode()).isEqualTo(201);

        sweep();
        String held = FcmStandIn.eventually(() -> Db.value(String.class, "SELECT status FROM outbox_messages "
                + "WHERE user_id = ? AND event_key LIKE 'reminder-24h:%'", passenger.id()), WAIT, () -> "held reminder");
        assertThat(held).isEqualTo("pending");
        assertThat(BookingFixtures.action(passenger.token(), booking, "cancel", "{}").statusCode()).isEqualTo(200);

        assertThat(Db.value(String.class, "SELECT status || ' ' || last_error FROM outbox_messages WHERE user_id = ? "
                + "AND event_key LIKE 'reminder-24h:%'", passenger.id())).isEqualTo("failed withdrawn");
        assertThat(reminders(device)).isEmpty();
    }

    @Test
    void theDayBeforeComesFirstAndANewDepartureTimeMakesNewReminders() {
        TripRef trip = BookingFixtures.trip(2, false, Duration.ofHours(20));
        String driver = PushFixtures.device(trip.driver().id());
        String passenger = paidPassenger(trip);

        sweep();
        assertThat(awaitReminders(driver, 1)).containsExactly("trip_reminder_24h");
        assertThat(awaitReminders(passenger, 1)).containsExactly("trip_reminder_24h");

        // the departure moves (as an operator could once nobody has paid; here straight in the database)
        Db.sql("UPDATE trips SET departure_time = departure_time - interval '19 hours' WHERE id = ?::uuid", trip.id());
        sweep();
        assertThat(awaitReminders(driver, 2)).containsExactly("trip_reminder_24h", "trip_reminder_2h");
        assertThat(awaitReminders(passenger, 2)).containsExactly("trip_reminder_24h", "trip_reminder_2h");
        Db.sql("UPDATE trips SET departure_time = departure_time + interval '30 minutes' WHERE id = ?::uuid", trip.id());
        sweep();
        assertThat(awaitReminders(passenger, 3)).containsExactly("trip_reminder_24h", "trip_reminder_2h",
                "trip_reminder_2h");
        sweep();
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key LIKE ?",
                "reminder-%:" + trip.id() + ":%")).isEqualTo(6);
    }

    @Test
    void aCancelledTripRemindsNobody() {
        // paid more than a day ahead (nothing due yet), cancelled, then due: the sweep finds nothing to remind
        TripRef trip = BookingFixtures.trip(2, false, Duration.ofHours(30));
        String passenger = paidPassenger(trip);
        Response cancelled = Clients.withToken(trip.driver().token()).body("{\"reason\":\"Panne\"}")
                .post("/api/v1/trips/" + trip.id() + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        Db.sql("UPDATE trips SET departure_time = now() + interval '90 minutes' WHERE id = ?::uuid", trip.id());

        sweep();
        fcm.awaitDeliveredTo(passenger, 3, WAIT); // accepted, paid, trip cancelled
        sweep();
        assertThat(reminders(passenger)).isEmpty();
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key LIKE ?",
                "reminder-%:" + trip.id() + ":%")).isZero();
    }

}
