package com.allocar.promos;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Promos made by an ops admin, accepted bookings at 6000 F a seat, payments with a code, and what they stored. */
final class PromoFixtures {
    static final String ADMIN_PROMOS = "/api/v1/admin/promos";
    static final String INIT = "/api/v1/payments/init";
    static final String VALIDATE = "/api/v1/promos/validate";

    record PromoRef(String id, String code) {
    }

    /** An accepted booking of {@code passenger}, 1 seat, 6000 F. */
    record Booked(String id, Passenger passenger) {
    }

    private PromoFixtures() {
    }

    static String ops() {
        return TestTokens.forAdmin("ops");
    }

    /** A unique code in lower case (the API stores it upper case). */
    static String newCode() {
        return "it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static Response create(Map<String, ?> body) {
        return Clients.withToken(ops()).body(Clients.json(body)).post(ADMIN_PROMOS);
    }

    /** An active promo with these rules (code, type and value filled in when missing). */
    static PromoRef active(Map<String, ?> rules) {
        Map<String, Object> body = new LinkedHashMap<>(rules);
        body.putIfAbsent("code", newCode());
        body.putIfAbsent("type", "amount");
        body.putIfAbsent("value", 1000);
        Response created = create(body);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.jsonPath().getString("data.id");
        Response activated = Clients.withToken(ops()).post(ADMIN_PROMOS + "/" + id + "/activate");
        assertThat(activated.statusCode()).as(activated.asString()).isEqualTo(200);
        return new PromoRef(id, created.jsonPath().getString("data.code"));
    }

    static TripRef trip(int seats) {
        return BookingFixtures.trip(seats, false, Duration.ofHours(5));
    }

    /** An accepted booking by a new passenger (inserted: a passenger may hold several without BOOK-6's limit). */
    static Booked accepted(TripRef trip) {
        return accepted(trip, Passenger.create());
    }

    static Booked accepted(TripRef trip, Passenger passenger) {
        UUID id = Db.id("INSERT INTO bookings (trip_id, passenger_id, seats, amount_total, status) "
                + "VALUES (?::uuid, ?, 1, 6000, 'accepted') RETURNING id", trip.id(), passenger.id());
        return new Booked(id.toString(), passenger);
    }

    static Response init(Booked booked, String method, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("booking_id", booked.id());
        body.put("method", method);
        if (code != null) {
            body.put("promo_code", code);
        }
        return Clients.withToken(booked.passenger().token()).body(Clients.json(body)).post(INIT);
    }

    /** Init that must create a payment (201): its id. */
    static String started(Booked booked, String method, String code) {
        Response response = init(booked, method, code);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("data.payment.id");
    }

    static Response validate(Booked booked, String code) {
        return Clients.withToken(booked.passenger().token())
                .body(Clients.json(Map.of("code", code, "booking_id", booked.id()))).post(VALIDATE);
    }

    /** Wave's session of the payment's first attempt. */
    static String session(WaveStandIn wave, String paymentId) {
        return wave.sessionFor(paymentId).getString("id");
    }

    /** The payer pays the session and Wave says so: the payment is applied. */
    static void payByWave(WaveStandIn wave, String paymentId) {
        String session = session(wave, paymentId);
        wave.pay(session);
        assertThat(deliver(wave.webhook("checkout.session.completed", session))).isEqualTo("applied");
    }

    static String deliver(SignedWebhook webhook) {
        Response response = Clients.anonymous().headers(webhook.headers()).body(webhook.body())
                .post("/api/v1/payments/webhook/wave" + webhook.queryString());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getString("data.outcome");
    }

    /** Checks the passenger in with their code, starts and ends the ride: the booking is completed. */
    static void ride(TripRef trip, Booked booked) {
        String code = BookingFixtures.get(booked.passenger().token(), booked.id()).jsonPath().getString("data.qr_code");
        for (String action : List.of("checkin", "start-ride", "end-ride")) {
            Response done = BookingFixtures.action(trip.driver().token(), booked.id(), action,
                    action.equals("checkin") ? Clients.json(Map.of("code", code)) : null);
            assertThat(done.statusCode()).as(done.asString()).isEqualTo(200);
        }
    }

    /** The booking's redemptions, oldest first: "status amount". */
    static List<String> redemptions(String bookingId) {
        List<String> found = new ArrayList<>();
        Db.query("SELECT status, amount FROM promo_redemptions WHERE booking_id = ?::uuid ORDER BY created_at",
                rows -> {
                    while (rows.next()) {
                        found.add(rows.getString(1) + " " + rows.getBigDecimal(2).stripTrailingZeros().toPlainString());
                    }
                }, bookingId);
        return found;
    }

    static int usesCount(String promoId) {
        return Db.value(Integer.class, "SELECT uses_count FROM promos WHERE id = ?::uuid", promoId);
    }

    /** The booking's driver ledger entries: "kind amount gross commission fees". */
    static List<String> ledger(String bookingId) {
        List<String> entries = new ArrayList<>();
        Db.query("SELECT kind, amount, gross, commission, fees FROM driver_ledger WHERE booking_id = ?::uuid "
                + "ORDER BY created_at, kind", rows -> {
                    while (rows.next()) {
                        entries.add(rows.getString(1) + " " + plain(rows.getBigDecimal(2)) + " " + plain(rows.getBigDecimal(3))
                                + " " + plain(rows.getBigDecimal(4)) + " " + plain(rows.getBigDecimal(5)));
                    }
                }, bookingId);
        return entries;
    }

    static BigDecimal sum(String sql, Object... parameters) {
        return Db.value(BigDecimal.class, sql, parameters);
    }

    static List<String> audit(String entity, String entityId) {
        List<String> actions = new ArrayList<>();
        Db.query("SELECT action FROM audit_logs WHERE entity = ? AND entity_id = ?::uuid ORDER BY created_at, action",
                rows -> {
                    while (rows.next()) {
                        actions.add(rows.getString(1));
                    }
                }, entity, entityId);
        return actions;
    }

    static JsonPath ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    /** A pause between two looks at something that has no signal (a batch run's status). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
