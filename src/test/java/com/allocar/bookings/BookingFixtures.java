package com.allocar.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Trips, passengers and bookings for the booking tests, made through the API. */
public final class BookingFixtures {
    public static final String BOOKINGS = "/api/v1/bookings";

    /** A published trip of a new approved driver. */
    public record TripRef(String id, TripFixtures.Driver driver) {
    }

    /** A user with a token. */
    public record Passenger(UUID id, String token) {
        public static Passenger create() {
            UUID id = TestTokens.newUser();
            return new Passenger(id, TestTokens.forUser(id));
        }
    }

    private BookingFixtures() {
    }

    /** A trip Plateau → Yamoussoukro at 6000 F a seat, leaving in {@code ahead}. */
    public static TripRef trip(int seats, boolean autoAccept, Duration ahead) {
        return trip(TripFixtures.approvedDriver(), seats, autoAccept, ahead);
    }

    /** A trip Plateau → Yamoussoukro at 6000 F a seat of this approved driver, leaving in {@code ahead}. */
    public static TripRef trip(TripFixtures.Driver driver, int seats, boolean autoAccept, Duration ahead) {
        Map<String, Object> body = TripFixtures.example(1);
        body.put("seats_available", seats);
        body.put("allow_auto_accept", autoAccept);
        body.put("departure_time", Instant.now().plus(ahead).truncatedTo(ChronoUnit.SECONDS).toString());
        return new TripRef(TripFixtures.create(driver.token(), body).getString("data.id"), driver);
    }

    /** A trip leaving in two days. */
    public static TripRef trip(int seats, boolean autoAccept) {
        return trip(seats, autoAccept, Duration.ofDays(2));
    }

    public static Response book(String token, String tripId, int seats) {
        return Clients.withToken(token).body(Clients.json(Map.of("trip_id", tripId, "seats", seats))).post(BOOKINGS);
    }

    /** Books (201) and returns the booking. */
    public static JsonPath booked(String token, String tripId, int seats) {
        Response response = book(token, tripId, seats);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    /** An accepted booking of a new passenger on the trip (accepted by its driver unless it accepts itself). */
    public static String accepted(TripRef trip, Passenger passenger, int seats) {
        JsonPath booking = booked(passenger.token(), trip.id(), seats);
        String id = booking.getString("data.id");
        if ("pending".equals(booking.getString("data.status"))) {
            Response accept = action(trip.driver().token(), id, "accept", null);
            assertThat(accept.statusCode()).as(accept.asString()).isEqualTo(200);
        }
        return id;
    }

    public static Response action(String token, String bookingId, String action, String body) {
        var request = Clients.withToken(token);
        String path = BOOKINGS + "/" + bookingId + "/" + action;
        return body == null ? request.post(path) : request.body(body).post(path);
    }

    public static Response get(String token, String bookingId) {
        return Clients.withToken(token).get(BOOKINGS + "/" + bookingId);
    }

    /** The booking's status transitions as stored: "null>pending", "pending>accepted" … */
    public static List<String> events(String bookingId) {
        List<String> events = new ArrayList<>();
        Db.query("SELECT from_status, to_status, actor_type FROM booking_events WHERE booking_id = ?::uuid "
                + "ORDER BY created_at, to_status", rows -> {
                    while (rows.next()) {
                        events.add(rows.getString(1) + ">" + rows.getString(2) + " by " + rows.getString(3));
                    }
                }, bookingId);
        return events;
    }

    public static List<String> auditActions(String bookingId) {
        List<String> actions = new ArrayList<>();
        Db.query("SELECT action FROM audit_logs WHERE entity = 'bookings' AND entity_id = ?::uuid "
                + "ORDER BY created_at, action", rows -> {
                    while (rows.next()) {
                        actions.add(rows.getString(1));
                    }
                }, bookingId);
        return actions;
    }

    public static java.math.BigDecimal balance(UUID userId) {
        return Db.value(java.math.BigDecimal.class, "SELECT balance FROM wallets WHERE user_id = ?", userId);
    }

    /** Starts paying the booking with {@code method}. */
    public static Response pay(String token, String bookingId, String method) {
        return Clients.withToken(token).body(Clients.json(Map.of("booking_id", bookingId, "method", method)))
                .post("/api/v1/payments/init");
    }

    public static int seatsAvailable(String tripId) {
        return Db.value(Integer.class, "SELECT seats_available FROM trips WHERE id = ?::uuid", tripId);
    }

    /** A new passenger pays {@code seats} seats of the trip from a funded wallet: the paid booking's id. */
    public static String paidBooking(TripRef trip, int seats) {
        Passenger passenger = Passenger.create();
        com.allocar.wallet.WalletFixtures.fund(passenger.id(), 6000L * seats);
        String id = booked(passenger.token(), trip.id(), seats).getString("data.id");
        Response paid = pay(passenger.token(), id, "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        assertThat(get(passenger.token(), id).jsonPath().getString("data.status")).isEqualTo("paid");
        return id;
    }

    /** The passenger of the booking, as a token (the booking's owner). */
    public static String passengerToken(String bookingId) {
        return TestTokens.forUser(passengerOf(bookingId));
    }

    public static UUID passengerOf(String bookingId) {
        return Db.value(UUID.class, "SELECT passenger_id FROM bookings WHERE id = ?::uuid", bookingId);
    }

    /** Checks the passenger in with their code, starts and ends the ride: the booking is completed. */
    public static void ride(TripRef trip, String bookingId) {
        String code = get(passengerToken(bookingId), bookingId).jsonPath().getString("data.qr_code");
        for (Response step : List.of(
                action(trip.driver().token(), bookingId, "checkin", Clients.json(Map.of("code", code))),
                action(trip.driver().token(), bookingId, "start-ride", null),
                action(trip.driver().token(), bookingId, "end-ride", null))) {
            assertThat(step.statusCode()).as(step.asString()).isEqualTo(200);
        }
    }
}
