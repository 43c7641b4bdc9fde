package com.allocar.messaging;

import static com.allocar.messaging.ChatSocketIT.assertRefused;
import static com.allocar.testsupport.Answers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SocketClient;
import com.allocar.wallet.WalletFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MSG-2: the trip driver's live position over a WebSocket, and its last position over REST (docs/realtime.md). */
class DriverLocationSocketIT {
    /** Plateau, Abidjan, and points a little further along the road. */
    private static final double LAT = 5.3575;
    private static final double LON = -4.0083;

    private static Response lastPosition(String token, String tripId) {
        return Clients.withToken(token).get("/api/v1/trips/" + tripId + "/driver-location");
    }

    private static Map<String, Object> fix(double lat, double lon, Instant at) {
        Map<String, Object> frame = new HashMap<>(Map.of("type", "location", "lat", lat, "lon", lon, "heading", 42.5,
                "speed", 12.0));
        if (at != null) {
            frame.put("at", at.toString());
        }
        return frame;
    }

    /** Sends a fix and answers the server's answer to it: its ack or its error frame. */
    private static JsonPath publish(SocketClient driver, Map<String, Object> fix) {
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> frame = new HashMap<>(fix);
        frame.put("client_id", clientId);
        driver.send(frame);
        return driver.next(f -> clientId.equals(f.getString("client_id")));
    }

    /** Sends a fix and waits for its error frame. */
    private static JsonPath refused(SocketClient driver, Map<String, Object> fix) {
        String clientId = UUID.randomUUID().toString();
        Map<String, Object> frame = new HashMap<>(fix);
        frame.put("client_id", clientId);
        driver.send(frame);
        return driver.next("error", f -> clientId.equals(f.getString("client_id")));
    }

    /**
     * Sends {@code fix} after the 2 s that must separate two accepted positions, and answers the server's answer (ack
     * or error). While the server answers {@code rate_limited} ({@code scope: location}), waits the
     * {@code retry_after_seconds} it gives, then sends again (a few times at most).
     */
    private static JsonPath afterTheInterval(SocketClient driver, Map<String, Object> fix) throws InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            String clientId = UUID.randomUUID().toString();
            Map<String, Object> frame = new HashMap<>(fix);
            frame.put("client_id", clientId);
            driver.send(frame);
            JsonPath answer = driver.next(f -> clientId.equals(f.getString("client_id")));
            if (!"rate_limited".equals(answer.getString("code"))) {
                return answer;
            }
            assertThat(answer.getString("details.scope")).as(answer.prettify()).isEqualTo("location");
            Thread.sleep(answer.getLong("details.retry_after_seconds") * 1000); // the server's own Retry-After
        }
        throw new AssertionError("still rate limited after 5 attempts");
    }

    @Test
    void positionsReachOnlyTheDriverAndTheBookedPassengers() throws InterruptedException {
        TripRef trip = BookingFixtures.trip(4, false);
        Passenger accepted = Passenger.create();
        String acceptedBooking = BookingFixtures.accepted(trip, accepted, 1);
        Passenger paid = Passenger.create();
        String paidBooking = BookingFixtures.accepted(trip, paid, 1);
        WalletFixtures.fund(paid.id(), 6000);
        Response payment = BookingFixtures.pay(paid.token(), paidBooking, "wallet");
        assertThat(payment.statusCode()).as(payment.asString()).isEqualTo(201);
        Passenger pending = Passenger.create();
        BookingFixtures.booked(pending.token(), trip.id(), 1);
        Passenger outsider = Passenger.create();
        String driverToken = trip.driver().token();

        for (String token : List.of(pending.token(), outsider.token(), BookingFixtures.trip(2, true).driver().token())) {
            assertError(SocketFixtures.ticket(token, Map.of("trip_id", trip.id())), 404, "not_found");
            assertError(lastPosition(token, trip.id()), 404, "not_found");
        }
        Response none = lastPosition(accepted.token(), trip.id());
        assertError(none, 404, "not_found");
        assertThat(none.jsonPath().getString("error.details.reason")).isEqualTo("no_position");

        try (SocketClient driver = SocketFixtures.location(driverToken, trip.id());
             SocketClient first = SocketFixtures.location(accepted.token(), trip.id());
             SocketClient second = SocketFixtures.location(paid.token(), trip.id())) {
            assertThat(driver.all("ready").get(0).getString("role")).isEqualTo("driver");
            assertThat(first.all("ready").get(0).getString("role")).isEqualTo("passenger");

            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            JsonPath ack = publish(driver, fix(LAT, LON, at));
            assertThat(ack.getString("of")).isEqualTo("location");
            assertThat(ack.getDouble("location.lat")).isEqualTo(LAT);
            for (SocketClient socket : List.of(first, second, driver)) {
                JsonPath position = socket.next("location");
                assertThat(position.getString("trip_id")).isEqualTo(trip.id());
                assertThat(position.getDouble("lat")).isEqualTo(LAT);
                assertThat(position.getDouble("lon")).isEqualTo(LON);
                assertThat(position.getDouble("heading")).isEqualTo(42.5);
                assertThat(position.getDouble("speed")).isEqualTo(12.0);
                assertThat(Instant.parse(position.getString("at"))).isEqualTo(at);
            }
            for (String token : List.of(accepted.token(), paid.token(), driverToken)) {
                Response last = lastPosition(token, trip.id());
                assertThat(last.statusCode()).as(last.asString()).isEqualTo(200);
                assertThat(last.jsonPath().getDouble("data.lat")).isEqualTo(LAT);
                assertThat(Instant.parse(last.jsonPath().getString("data.at"))).isEqualTo(at);
            }
            assertThat(Db.value(Long.class, "SELECT count(*) FROM driver_locations WHERE trip_id = ?::uuid", trip.id()))
                    .isEqualTo(1L);

            // A passenger publishes nothing.
            JsonPath forbidden = refused(first, fix(LAT, LON, null));
            assertThat(forbidden.getString("code")).isEqualTo("forbidden");

            // A passenger who cancels stops receiving: their socket is closed at the next position.
            Response cancelled = BookingFixtures.action(accepted.token(), acceptedBooking, "cancel", "{}");
            assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
            JsonPath moved = afterTheInterval(driver, fix(LAT + 0.0005, LON, null));
            assertThat(moved.getString("type")).as(moved.prettify()).isEqualTo("ack");
            assertThat(second.next("location", f -> f.getDouble("lat") > LAT).getDouble("lat")).isEqualTo(LAT + 0.0005);
            SocketClient.Closed closed = first.awaitClose();
            assertThat(closed.code()).isEqualTo(4403);
            assertThat(closed.reason()).isEqualTo("not_booked");
            assertThat(first.all("location")).hasSize(1);
            assertError(lastPosition(accepted.token(), trip.id()), 404, "not_found");
        }

        // A new socket gets the last position at once.
        try (SocketClient late = SocketFixtures.location(paid.token(), trip.id())) {
            assertThat(late.next("location").getDouble("lat")).isEqualTo(LAT + 0.0005);
        }
    }

    @Test
    void positionsAreCheckedAndLimitedToOneEveryTwoSeconds() throws InterruptedException {
        TripRef trip = BookingFixtures.trip(2, true);
        try (SocketClient driver = SocketFixtures.location(trip.driver().token(), trip.id())) {
            for (Map.Entry<String, Map<String, Object>> bad : Map.of(
                    "lat", fix(91, LON, null),
                    "lon", fix(LAT, -181, null),
                    "heading", with(fix(LAT, LON, null), "heading", 360),
                    "speed", with(fix(LAT, LON, null), "speed", -1),
                    "at", fix(LAT, LON, Instant.now().plusSeconds(120))).entrySet()) {
                JsonPath error = refused(driver, bad.getValue());
                assertThat(error.getString("code")).isEqualTo("validation_error");
                assertThat(error.getMap("details.fields")).as(bad.getKey()).containsKey(bad.getKey());
            }
            assertThat(refused(driver, fix(0, 0, null)).getMap("details.fields")).containsKey("lat");
            assertThat(refused(driver, fix(LAT, LON, Instant.now().minusSeconds(300))).getMap("details.fields"))
                    .containsKey("at");
            assertThat(refused(driver, with(fix(LAT, LON, null), "lat", "5.3")).getMap("details.fields"))
                    .containsKey("lat");

            Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            assertThat(publish(driver, fix(LAT, LON, first)).getString("type")).isEqualTo("ack");
            JsonPath tooSoon = refused(driver, fix(LAT + 0.0001, LON, null));
            assertThat(tooSoon.getString("code")).isEqualTo("rate_limited");
            assertThat(tooSoon.getString("details.scope")).isEqualTo("location");
            assertThat(tooSoon.getLong("details.retry_after_seconds")).isBetween(1L, 2L);

            // 100 km from the previous position a few seconds later: not a car.
            JsonPath jump = afterTheInterval(driver, fix(LAT + 0.9, LON, null));
            assertThat(jump.getString("code")).as(jump.prettify()).isEqualTo("validation_error");
            assertThat(jump.getString("details.reason")).isEqualTo("implausible_speed");
            // Older than the position kept: refused.
            JsonPath stale = refused(driver, fix(LAT, LON, first.minusSeconds(1)));
            assertThat(stale.getMap("details.fields")).containsKey("at");
            assertThat(afterTheInterval(driver, fix(LAT + 0.0002, LON, null)).getString("type")).isEqualTo("ack");
            assertThat(Db.value(Double.class, "SELECT ST_Y(point::geometry) FROM driver_locations WHERE trip_id = "
                    + "?::uuid", trip.id())).isEqualTo(LAT + 0.0002);
        }

        // Only while the trip is published or under way.
        Db.sql("UPDATE trips SET status = 'completed' WHERE id = ?::uuid", trip.id());
        try (SocketClient driver = SocketFixtures.location(trip.driver().token(), trip.id())) {
            JsonPath over = afterTheInterval(driver, fix(LAT + 0.0003, LON, null));
            assertThat(over.getString("code")).isEqualTo("conflict");
            assertThat(over.getString("details.reason")).isEqualTo("trip_not_live");
        }
    }

    @Test
    void aTicketForOneTripDoesNotOpenAnother() {
        TripRef trip = BookingFixtures.trip(2, true);
        TripRef other = BookingFixtures.trip(2, true);
        String ticket = SocketFixtures.issued(trip.driver().token(), "trip_id", trip.id()).getString("ticket");
        assertRefused(SocketClient.connect("/ws/trips/" + other.id() + "/driver-location", ticket), 4403,
                "ticket_wrong_room");
        Passenger passenger = Passenger.create();
        String booking = BookingFixtures.accepted(trip, passenger, 1);
        String chatTicket = SocketFixtures.issued(passenger.token(), "booking_id", booking).getString("ticket");
        assertRefused(SocketClient.connect("/ws/trips/" + trip.id() + "/driver-location", chatTicket), 4403,
                "ticket_wrong_room");
    }

    private static Map<String, Object> with(Map<String, Object> frame, String key, Object value) {
        frame.put(key, value);
        return frame;
    }
}
