package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Trips made through the API by an approved driver, accepted bookings inserted by SQL (price × seats), passengers
 * with tokens, wallets with a balance, and the calls of the payment tests.
 */
final class PaymentFixtures {
    static final String INIT = "/api/v1/payments/init";
    static final String PAYMENTS = "/api/v1/payments";
    static final String WEBHOOK = "/api/v1/payments/webhook/";
    static final int PRICE = 6000;

    record Passenger(UUID id, String token) {
    }

    record Booked(UUID tripId, UUID bookingId, Passenger passenger, int seats) {
        int amount() {
            return PRICE * seats;
        }
    }

    private PaymentFixtures() {
    }

    static Passenger passenger() {
        UUID id = TestTokens.newUser();
        return new Passenger(id, TestTokens.forUser(id));
    }

    /** A published trip Abidjan → Yamoussoukro at 6000 per seat with {@code seats} seats, by a new approved driver. */
    static UUID trip(int seats) {
        UUID driver = TestTokens.newUser();
        sql("UPDATE users SET is_driver = true WHERE id = ?", driver);
        sql("INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status, reviewed_at) "
                + "VALUES (?, 'cni', 'CI 1', 'kyc/x/front.jpg', 'approved', now())", driver);
        String plate = "PY" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        sql("INSERT INTO vehicles (user_id, make, model, plate_number, seats_total, comfort_level) "
                + "VALUES (?, 'Toyota', 'Corolla', ?, 8, 'comfort')", driver, plate);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", Map.of("lat", 5.3575, "lon", -4.0083, "text", "Abidjan, Plateau"));
        body.put("destination", Map.of("lat", 6.8190, "lon", -5.2760, "text", "Yamoussoukro"));
        body.put("departure_time", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("price_per_seat", PRICE);
        body.put("seats_available", seats);
        Response created = Clients.withToken(TestTokens.forUser(driver)).body(Clients.json(body)).post("/api/v1/trips");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return UUID.fromString(created.jsonPath().getString("data.id"));
    }

    /** An accepted booking of {@code seats} on the trip by a new passenger (until bookings are made through the API). */
    static Booked accepted(UUID tripId, int seats) {
        Passenger passenger = passenger();
        UUID booking = id("INSERT INTO bookings (trip_id, passenger_id, seats, amount_total, status) "
                + "VALUES (?, ?, ?, ?, 'accepted') RETURNING id", tripId, passenger.id(), seats, PRICE * seats);
        return new Booked(tripId, booking, passenger, seats);
    }

    static Booked accepted(int tripSeats, int seats) {
        return accepted(trip(tripSeats), seats);
    }

    static Response init(String token, UUID bookingId, String method) {
        return Clients.withToken(token).body(Clients.json(Map.of("booking_id", bookingId.toString(), "method", method)))
                .post(INIT);
    }

    /** Init that must succeed (201), returning the payment id. */
    static UUID started(Booked booked, String method) {
        Response response = init(booked.passenger().token(), booked.bookingId(), method);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return UUID.fromString(response.jsonPath().getString("data.payment.id"));
    }

    static Response post(String provider, SignedWebhook webhook) {
        RequestSpecification request = Clients.anonymous().headers(webhook.headers()).body(webhook.body());
        String path = WEBHOOK + provider + webhook.queryString();
        return "PUT".equals(webhook.method()) ? request.put(path) : request.post(path);
    }

    /** Delivers a webhook that must be accepted (200), returning data.outcome. */
    static String deliver(String provider, SignedWebhook webhook) {
        Response response = post(provider, webhook);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getString("data.outcome");
    }

    static void assertError(Response response, int status, String code) {
        Answers.assertError(response, status, code);
    }

    /** Credits a wallet as WalletLedger would: the balance and its completed transaction row. */
    static void fundWallet(UUID userId, long amount) {
        sql("INSERT INTO wallets (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING", userId);
        sql("UPDATE wallets SET balance = balance + ? WHERE user_id = ?", BigDecimal.valueOf(amount), userId);
        sql("INSERT INTO wallet_txns (wallet_id, type, amount, source, status, balance_after, idempotency_key) "
                + "SELECT id, 'credit', ?, 'promo', 'completed', balance, ? FROM wallets WHERE user_id = ?",
                BigDecimal.valueOf(amount), "test:" + UUID.randomUUID(), userId);
    }

    static long walletBalance(UUID userId) {
        Object value = value("SELECT COALESCE((SELECT balance FROM wallets WHERE user_id = ?), 0)", userId);
        return ((BigDecimal) value).longValueExact();
    }

    static String status(String table, UUID id) {
        return (String) value("SELECT status FROM " + table + " WHERE id = ?", id);
    }

    static int seatsAvailable(UUID tripId) {
        return ((Number) value("SELECT seats_available FROM trips WHERE id = ?", tripId)).intValue();
    }

    static long count(String sql, Object... parameters) {
        return ((Number) value(sql, parameters)).longValue();
    }

    static Map<String, Object> row(String sql, Object... parameters) {
        Map<String, Object> row = new LinkedHashMap<>();
        query(sql, rows -> {
            if (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
            }
        }, parameters);
        return row;
    }

    static List<String> auditActions(UUID paymentId) {
        List<String> actions = new ArrayList<>();
        query("SELECT action FROM audit_logs WHERE entity = 'payments' AND entity_id = ? ORDER BY created_at", rows -> {
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
        }, paymentId);
        return actions;
    }

    /** Waits (15 s by default) for something done after a commit (refund sends, retries). */
    static void eventually(BooleanSupplier condition, String what) {
        eventually(condition, what, 15);
    }

    static void eventually(BooleanSupplier condition, String what, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void sql(String sql, Object... parameters) {
        Db.sql(sql, parameters);
    }

    static UUID id(String sql, Object... parameters) {
        return (UUID) value(sql, parameters);
    }

    static Object value(String sql, Object... parameters) {
        Object[] found = new Object[1];
        query(sql, rows -> {
            if (rows.next()) {
                found[0] = rows.getObject(1);
            }
        }, parameters);
        return found[0];
    }

    static void query(String sql, Db.Rows reader, Object... parameters) {
        Db.query(sql, reader, parameters);
    }
}
