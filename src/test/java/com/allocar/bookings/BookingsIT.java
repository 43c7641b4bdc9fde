package com.allocar.bookings;

import static com.allocar.bookings.BookingFixtures.action;
import static com.allocar.bookings.BookingFixtures.book;
import static com.allocar.bookings.BookingFixtures.booked;
import static com.allocar.bookings.BookingFixtures.events;
import static com.allocar.testsupport.Answers.assertError;
import static com.allocar.testsupport.Answers.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Seat requests and the driver's answers, without money (BOOK-1, BOOK-2, BOOK-3, BOOK-6). */
class BookingsIT {

    @Test
    void aRequestWaitsForTheDriverWhoAcceptsIt() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        reachableByMail(trip.driver().id());
        reachableByMail(passenger.id());
        Instant before = Instant.now();

        Response created = book(passenger.token(), trip.id(), 2);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonPath booking = created.jsonPath();
        String id = booking.getString("data.id");
        assertThat(created.header("Location")).endsWith("/bookings/" + id);
        assertThat(booking.getString("data.status")).isEqualTo("pending");
        assertThat(booking.getInt("data.amount_total")).isEqualTo(12000);
        assertThat(booking.getString("data.currency")).isEqualTo("XOF");
        assertThat(booking.getString("data.qr_code")).isNull();
        assertThat(Instant.parse(booking.getString("data.expires_at")))
                .isBetween(before.plus(Duration.ofHours(3)).minusSeconds(5), Instant.now().plus(Duration.ofHours(3)));
        assertThat(booking.getString("data.trip.origin")).isEqualTo("Abidjan, Plateau");

        Response asDriver = BookingFixtures.get(trip.driver().token(), id);
        assertThat(asDriver.jsonPath().getString("data.passenger.id")).isEqualTo(passenger.id().toString());
        assertThat(asDriver.jsonPath().getString("data.passenger.phone")).as("no phone before payment").isNull();
        Passenger stranger = Passenger.create();
        assertError(BookingFixtures.get(stranger.token(), id), 404, "not_found");
        for (String act : List.of("accept", "cancel", "no-show", "start-ride", "end-ride")) {
            assertError(action(stranger.token(), id, act, "{}"), 404, "not_found");
        }
        assertError(action(stranger.token(), id, "reject", "{\"reason\":\"pas moi\"}"), 404, "not_found");
        assertError(BookingFixtures.pay(stranger.token(), id, "wallet"), 404, "not_found");

        assertError(action(passenger.token(), id, "accept", null), 403, "forbidden");
        Response accepted = action(trip.driver().token(), id, "accept", null);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
        assertThat(accepted.jsonPath().getString("data.status")).isEqualTo("accepted");
        assertThat(accepted.jsonPath().getString("data.expires_at")).isNull();
        assertThat(BookingFixtures.seatsAvailable(trip.id())).as("accepting holds no seat").isEqualTo(3);

        assertThat(events(id)).containsExactly("null>pending by user", "pending>accepted by user");
        assertThat(notices(trip.driver().id())).anyMatch(text -> text.contains("demande 2 places pour "
                + "Abidjan, Plateau → Yamoussoukro"));
        assertThat(notices(passenger.id())).anyMatch(text -> text.contains("est acceptée"));
        assertThat(BookingFixtures.auditActions(id)).contains("booking.create", "booking.accept");
        assertError(action(trip.driver().token(), id, "accept", null), 409, "conflict");
    }

    @Test
    void aTripThatAcceptsAutomaticallyAcceptsAtOnce() {
        TripRef trip = BookingFixtures.trip(3, true);
        JsonPath booking = booked(Passenger.create().token(), trip.id(), 1);
        assertThat(booking.getString("data.status")).isEqualTo("accepted");
        assertThat(events(booking.getString("data.id")))
                .containsExactly("null>pending by user", "pending>accepted by system");
    }

    @Test
    void theDriverRejectsWithAReason() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        reachableByMail(passenger.id());
        String id = booked(passenger.token(), trip.id(), 1).getString("data.id");

        assertInvalid(action(trip.driver().token(), id, "reject", "{}"), "reason");
        Response rejected = action(trip.driver().token(), id, "reject", "{\"reason\":\"Coffre plein\"}");
        assertThat(rejected.statusCode()).as(rejected.asString()).isEqualTo(200);
        assertThat(rejected.jsonPath().getString("data.status")).isEqualTo("cancelled");
        assertThat(rejected.jsonPath().getString("data.cancelled_by")).isEqualTo("driver");
        assertThat(rejected.jsonPath().getString("data.cancel_reason")).isEqualTo("Coffre plein");
        assertThat(notices(UUID.fromString(rejected.jsonPath().getString("data.passenger.id"))))
                .anyMatch(text -> text.contains("a refusé votre demande") && text.contains(" : Coffre plein."));
        assertThat(events(id)).last().isEqualTo("pending>cancelled by user");
        assertError(action(trip.driver().token(), id, "reject", "{\"reason\":\"encore\"}"), 409, "conflict");
        assertError(action(trip.driver().token(), id, "accept", null), 409, "conflict");
    }

    @Test
    void aPassengerCancelsAnUnpaidBookingForFree() {
        TripRef trip = BookingFixtures.trip(3, true);
        Passenger passenger = Passenger.create();
        String id = booked(passenger.token(), trip.id(), 1).getString("data.id");

        Response cancelled = action(passenger.token(), id, "cancel", "{\"reason\":\"Changement de plan\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("data.cancelled_by")).isEqualTo("passenger");
        String meta = Db.value(String.class, "SELECT meta::text FROM audit_logs WHERE entity_id = ?::uuid "
                + "AND action = 'booking.cancel'", id);
        assertThat(meta).contains("\"paid\": 0", "\"refund\": 0", "\"kept\": 0");
        assertError(action(passenger.token(), id, "cancel", "{}"), 409, "conflict");
        // and the passenger may book the trip again
        assertThat(book(passenger.token(), trip.id(), 1).statusCode()).isEqualTo(201);
    }

    @Test
    void theStateMachineRefusesEveryOtherMove() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        String id = booked(passenger.token(), trip.id(), 1).getString("data.id");
        String driver = trip.driver().token();

        assertError(action(driver, id, "end-ride", null), 409, "conflict");
        assertError(action(driver, id, "start-ride", null), 409, "conflict");
        assertError(action(driver, id, "checkin", "{\"code\":\"x\"}"), 400, "validation_error");
        assertError(action(driver, id, "no-show", null), 409, "conflict");
        assertError(action(passenger.token(), id, "end-ride", null), 403, "forbidden");
        assertError(Clients.withToken(passenger.token()).get(BookingFixtures.BOOKINGS + "/" + id + "/qr.png"),
                409, "conflict");
        assertThat(events(id)).containsExactly("null>pending by user");
    }

    @Test
    void bookingsAreRefusedWhenTheyCannotBeHonoured() {
        TripRef trip = BookingFixtures.trip(2, false);
        Passenger passenger = Passenger.create();

        Response own = book(trip.driver().token(), trip.id(), 1);
        assertError(own, 409, "booking_conflict");
        assertThat(own.jsonPath().getString("error.details.reason")).isEqualTo("own_trip");
        Response tooMany = book(passenger.token(), trip.id(), 3);
        assertError(tooMany, 409, "booking_conflict");
        assertThat(tooMany.jsonPath().getInt("error.details.available")).isEqualTo(2);
        assertThat(tooMany.jsonPath().getInt("error.details.requested")).isEqualTo(3);
        assertInvalid(book(passenger.token(), trip.id(), 0), "seats");
        assertInvalid(book(passenger.token(), UUID.randomUUID().toString(), 1), "trip_id");
        assertInvalid(Clients.withToken(passenger.token()).body("{\"seats\":1}").post(BookingFixtures.BOOKINGS),
                "trip_id");

        String first = booked(passenger.token(), trip.id(), 1).getString("data.id");
        Response again = book(passenger.token(), trip.id(), 1);
        assertError(again, 409, "conflict");
        assertThat(again.jsonPath().getString("error.details.booking_id")).isEqualTo(first);
    }

    @Test
    void atMostFiveUnpaidBookingsIn24HoursEvenAllAtOnce() throws Exception {
        Passenger passenger = Passenger.create();
        List<TripRef> trips = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            trips.add(BookingFixtures.trip(3, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Callable<Integer>> attempts = trips.stream()
                    .<Callable<Integer>>map(t -> () -> book(passenger.token(), t.id(), 1).statusCode()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        Response refused = book(passenger.token(), BookingFixtures.trip(3, false).id(), 1);
        assertError(refused, 409, "booking_conflict");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("unpaid_limit");
        assertThat(refused.jsonPath().getInt("error.details.limit")).isEqualTo(5);
    }

    @Test
    void anUnansweredRequestExpires() throws Exception {
        TripRef trip = BookingFixtures.trip(3, false);
        String id = booked(Passenger.create().token(), trip.id(), 1).getString("data.id");
        Db.sql("UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", id);

        String status = awaitStatus(trip.driver().token(), id, "cancelled");
        assertThat(status).isEqualTo("cancelled");
        JsonPath booking = BookingFixtures.get(trip.driver().token(), id).jsonPath();
        assertThat(booking.getString("data.cancelled_by")).isEqualTo("system");
        assertThat(booking.getString("data.cancel_reason")).isEqualTo("expired");
        assertThat(events(id)).last().isEqualTo("pending>cancelled by system");
        assertError(action(trip.driver().token(), id, "accept", null), 409, "conflict");
    }

    @Test
    void listsShowMyBookingsAsPassengerOrAsDriver() {
        TripRef trip = BookingFixtures.trip(4, false);
        Passenger passenger = Passenger.create();
        String mine = booked(passenger.token(), trip.id(), 1).getString("data.id");
        String other = booked(Passenger.create().token(), trip.id(), 1).getString("data.id");
        action(trip.driver().token(), other, "accept", null);

        JsonPath asPassenger = Clients.withToken(passenger.token()).get(BookingFixtures.BOOKINGS).jsonPath();
        assertThat(asPassenger.getList("data.id")).containsExactly(mine);
        assertThat(asPassenger.getInt("meta.pagination.total")).isEqualTo(1);

        JsonPath asDriver = Clients.withToken(trip.driver().token())
                .get(BookingFixtures.BOOKINGS + "?role=driver&sort=created_at").jsonPath();
        assertThat(asDriver.getList("data.id")).containsExactly(mine, other);
        JsonPath accepted = Clients.withToken(trip.driver().token())
                .get(BookingFixtures.BOOKINGS + "?role=driver&status=accepted").jsonPath();
        assertThat(accepted.getList("data.id")).containsExactly(other);
        JsonPath paged = Clients.withToken(trip.driver().token())
                .get(BookingFixtures.BOOKINGS + "?role=driver&status=in:pending,accepted&page_size=1&page=2").jsonPath();
        assertThat(paged.getList("data.id")).hasSize(1);
        assertThat(paged.getInt("meta.pagination.page_count")).isEqualTo(2);

        assertInvalid(Clients.withToken(passenger.token()).get(BookingFixtures.BOOKINGS + "?role=admin"), "role");
        assertError(Clients.withToken(passenger.token()).get(BookingFixtures.BOOKINGS + "?colour=red"), 400,
                "validation_error");
        assertError(Clients.withToken(passenger.token()).get(BookingFixtures.BOOKINGS + "?sort=amount"), 400,
                "validation_error");
        assertError(Clients.anonymous().get(BookingFixtures.BOOKINGS), 401, "auth_required");
    }

    @Test
    void aRetriedRequestWithItsKeyMakesOneBooking() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        String key = UUID.randomUUID().toString();
        String body = Clients.json(Map.of("trip_id", trip.id(), "seats", 1));
        Response first = Clients.withToken(passenger.token()).header("Idempotency-Key", key).body(body)
                .post(BookingFixtures.BOOKINGS);
        Response replay = Clients.withToken(passenger.token()).header("Idempotency-Key", key).body(body)
                .post(BookingFixtures.BOOKINGS);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.jsonPath().getString("data.id")).isEqualTo(first.jsonPath().getString("data.id"));
        assertThat(Db.value(Long.class, "SELECT count(*) FROM bookings WHERE passenger_id = ?", passenger.id()))
                .isEqualTo(1L);
        Response otherBody = Clients.withToken(passenger.token()).header("Idempotency-Key", key)
                .body(Clients.json(Map.of("trip_id", trip.id(), "seats", 2))).post(BookingFixtures.BOOKINGS);
        assertError(otherBody, 422, "idempotency_conflict");
    }

    @Test
    void cancellingATripCancelsItsBookingsAndALateOneFinesTheDriver() {
        TripRef trip = BookingFixtures.trip(3, false, Duration.ofHours(5));
        String pending = booked(Passenger.create().token(), trip.id(), 1).getString("data.id");
        String accepted = BookingFixtures.accepted(trip, Passenger.create(), 1);

        Response cancelled = com.allocar.trips.TripFixtures.action(trip.driver().token(), trip.id(), "cancel",
                "{\"reason\":\"Panne du véhicule\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        for (String id : List.of(pending, accepted)) {
            JsonPath booking = BookingFixtures.get(trip.driver().token(), id).jsonPath();
            assertThat(booking.getString("data.status")).isEqualTo("cancelled");
            assertThat(booking.getString("data.cancelled_by")).isEqualTo("driver");
            assertThat(booking.getString("data.cancel_reason")).isEqualTo("Trip cancelled: Panne du véhicule");
        }
        assertThat(Db.value(java.math.BigDecimal.class, "SELECT amount FROM driver_penalties WHERE trip_id = "
                + "?::uuid AND booking_id IS NULL", trip.id())).isEqualByComparingTo("1000");
        assertThat(Db.value(Integer.class, "SELECT driver_penalty_points FROM users WHERE id = ?",
                trip.driver().id())).isEqualTo(1);
    }

    @Test
    void anEarlyTripCancellationWithOnlyPendingRequestsCostsTheDriverNothing() {
        TripRef trip = BookingFixtures.trip(3, false);
        booked(Passenger.create().token(), trip.id(), 1);
        com.allocar.trips.TripFixtures.action(trip.driver().token(), trip.id(), "cancel", "{\"reason\":\"Imprévu\"}");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM driver_penalties WHERE trip_id = ?::uuid", trip.id()))
                .isZero();
        assertThat(Db.value(Integer.class, "SELECT driver_penalty_points FROM users WHERE id = ?",
                trip.driver().id())).isZero();
    }

    @Test
    void aDriverCancellingAnAcceptedBookingLateIsFined() {
        TripRef trip = BookingFixtures.trip(3, false, Duration.ofHours(5));
        String id = BookingFixtures.accepted(trip, Passenger.create(), 1);
        Response cancelled = action(trip.driver().token(), id, "cancel", "{\"reason\":\"Voiture pleine\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("data.cancelled_by")).isEqualTo("driver");
        assertThat(Db.value(java.math.BigDecimal.class, "SELECT amount FROM driver_penalties WHERE booking_id = ?::uuid",
                id)).isEqualByComparingTo("1000");
    }

    /** A verified address for the user, so that every notification reaches them by mail at least. */
    static void reachableByMail(UUID userId) {
        Db.sql("UPDATE users SET email = ?, is_email_verified = true WHERE id = ?",
                com.allocar.testsupport.Accounts.newEmail(), userId);
    }

    /** The texts of the notifications queued for the user, whatever the channel (docs/notifications.md). */
    static List<String> notices(UUID userId) {
        List<String> texts = new ArrayList<>();
        Db.query("SELECT body FROM outbox_messages WHERE user_id = ? ORDER BY created_at", rows -> {
                    while (rows.next()) {
                        texts.add(rows.getString(1));
                    }
                }, userId);
        return texts;
    }

    static String awaitStatus(String token, String id, String wanted) throws InterruptedException {
        String status = null;
        for (int i = 0; i < 60 && !wanted.equals(status); i++) {
            Thread.sleep(250);
            status = BookingFixtures.get(token, id).jsonPath().getString("data.status");
        }
        return status;
    }
}
