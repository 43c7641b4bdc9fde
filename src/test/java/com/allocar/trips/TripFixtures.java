package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Drivers, trips and bookings for the trip tests, made through the API where it exists and by SQL otherwise. */
public final class TripFixtures {
    public static final String TRIPS = "/api/v1/trips";
    /** Example 13.1's places. */
    static final double[] PLATEAU = {5.3575, -4.0083};
    static final double[] YAMOUSSOUKRO = {6.8190, -5.2760};

    /** A driver with a token and one vehicle of {@code seats} seats. */
    public record Driver(UUID id, String token, UUID vehicleId) {
    }

    private TripFixtures() {
    }

    /** A driver with one 4-seat vehicle and an approved KYC. */
    public static Driver approvedDriver() {
        Driver driver = driverWithoutKyc();
        sql("INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status, reviewed_at) "
                + "VALUES (?, 'cni', 'CI 1', 'kyc/x/front.jpg', 'approved', now())", driver.id());
        return driver;
    }

    public static Driver driverWithoutKyc() {
        UUID user = TestTokens.newUser();
        sql("UPDATE users SET is_driver = true WHERE id = ?", user);
        return new Driver(user, TestTokens.forUser(user), vehicle(user, 4));
    }

    static UUID vehicle(UUID user, int seats) {
        String plate = "TT" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return id("INSERT INTO vehicles (user_id, make, model, plate_number, seats_total, comfort_level) "
                + "VALUES (?, 'Toyota', 'Corolla', ?, ?, 'comfort') RETURNING id", user, plate, seats);
    }

    /** The body of example 13.1 of the specification, departing in {@code days} days. */
    public static Map<String, Object> example(int days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", place(PLATEAU, "Abidjan, Plateau"));
        body.put("destination", place(YAMOUSSOUKRO, "Yamoussoukro"));
        body.put("departure_time", departure(days));
        body.put("price_per_seat", 6000);
        body.put("seats_available", 3);
        body.put("allow_auto_accept", true);
        body.put("luggage_policy", "1 valise cabine");
        body.put("rules", "Non-fumeur");
        return body;
    }

    /** A trip between two points of the test's own (see OsrmStandIn.point). */
    static Map<String, Object> between(double[] from, double[] to, int days) {
        Map<String, Object> body = example(days);
        body.put("origin", place(from, "Départ"));
        body.put("destination", place(to, "Arrivée"));
        return body;
    }

    public static String departure(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> place(double[] point, String text) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("lat", point[0]);
        place.put("lon", point[1]);
        place.put("text", text);
        return place;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }

    public static Response post(String token, Map<String, ?> body) {
        return Clients.withToken(token).body(Clients.json(body)).post(TRIPS);
    }

    /** Creates a trip (201) and returns the answer. */
    public static JsonPath create(String token, Map<String, ?> body) {
        Response response = post(token, body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    static Response patch(String token, String id, Map<String, ?> body) {
        return Clients.withToken(token).body(Clients.json(body)).patch(TRIPS + "/" + id);
    }

    public static Response action(String token, String id, String action, String body) {
        var request = Clients.withToken(token);
        return body == null ? request.post(TRIPS + "/" + id + "/" + action) : request.body(body).post(TRIPS + "/" + id + "/" + action);
    }

    public static void assertError(Response response, int status, String code) {
        Answers.assertError(response, status, code);
    }

    public static void assertInvalid(Response response, String field) {
        Answers.assertInvalid(response, field);
    }

    /** A booking of {@code seats} by a new passenger in {@code status}; paid ones also take their seats. */
    static UUID booking(String tripId, String status, int seats) {
        UUID passenger = TestTokens.newUser();
        UUID booking = id("INSERT INTO bookings (trip_id, passenger_id, seats, amount_total, status) "
                + "VALUES (?::uuid, ?, ?, 6000, ?) RETURNING id", tripId, passenger, seats, status);
        if (status.equals("paid")) {
            sql("UPDATE trips SET seats_available = seats_available - ? WHERE id = ?::uuid", seats, tripId);
        }
        return booking;
    }

    static List<String> auditActions(String tripId) {
        List<String> actions = new ArrayList<>();
        query("SELECT action FROM audit_logs WHERE entity = 'trips' AND entity_id = ?::uuid ORDER BY created_at", rows -> {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }, tripId);
        return actions;
    }

    static void sql(String sql, Object... parameters) {
        Db.sql(sql, parameters);
    }

    static UUID id(String sql, Object... parameters) {
        return Db.id(sql, parameters);
    }

    static void query(String sql, Db.Rows reader, Object... parameters) {
        Db.query(sql, reader, parameters);
    }
}
