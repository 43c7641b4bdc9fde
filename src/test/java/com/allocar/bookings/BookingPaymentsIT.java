package com.allocar.bookings;

import static com.allocar.bookings.BookingFixtures.action;
import static com.allocar.bookings.BookingFixtures.balance;
import static com.allocar.bookings.BookingFixtures.booked;
import static com.allocar.bookings.BookingFixtures.events;
import static com.allocar.bookings.BookingFixtures.pay;
import static com.allocar.bookings.BookingFixtures.seatsAvailable;
import static com.allocar.testsupport.Answers.assertError;
import static com.allocar.wallet.WalletFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.wallet.WalletFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bookings with their money: the full path, paid cancellations with their amounts, and the seat race (BOOK-4). */
class BookingPaymentsIT {
    private static final String WAVE_WEBHOOK = "/api/v1/payments/webhook/wave";
    private final WaveStandIn wave = WaveStandIn.start();

    @Test
    void pendingAcceptedPaidCheckedInCompleted() {
        TripRef trip = BookingFixtures.trip(3, false);
        Passenger passenger = Passenger.create();
        String id = booked(passenger.token(), trip.id(), 2).getString("data.id");
        assertThat(action(trip.driver().token(), id, "accept", null).statusCode()).isEqualTo(200);

        Response init = pay(passenger.token(), id, "wave");
        assertThat(init.statusCode()).as(init.asString()).isEqualTo(201);
        assertThat(init.jsonPath().getInt("data.payment.amount")).isEqualTo(12000);
        assertThat(init.jsonPath().getString("data.redirect_url")).isNotBlank();
        String session = waveSessionPaid(init.jsonPath().getString("data.payment.id"));
        assertThat(send(wave.webhook("checkout.session.completed", session)).statusCode()).isEqualTo(200);

        JsonPath paid = BookingFixtures.get(passenger.token(), id).jsonPath();
        assertThat(paid.getString("data.status")).isEqualTo("paid");
        String code = paid.getString("data.qr_code");
        assertThat(code).startsWith(id + ".");
        assertThat(paid.getString("data.driver.phone")).as("contact once paid").isNotNull();
        assertThat(seatsAvailable(trip.id())).isEqualTo(1);
        Response png = Clients.withToken(passenger.token()).accept("image/png")
                .get(BookingFixtures.BOOKINGS + "/" + id + "/qr.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.contentType()).startsWith("image/png");
        assertThat(BookingFixtures.get(trip.driver().token(), id).jsonPath().getString("data.qr_code"))
                .as("the driver reads the code from the passenger's phone").isNull();
        assertThat(Clients.withToken(trip.driver().token()).accept("image/png")
                .get(BookingFixtures.BOOKINGS + "/" + id + "/qr.png").statusCode()).isEqualTo(404);

        String otherCode = new StringBuilder(code).reverse().toString();
        assertError(action(trip.driver().token(), id, "checkin", Clients.json(Map.of("code", otherCode))), 400,
                "validation_error");
        assertError(action(trip.driver().token(), id, "start-ride", null), 409, "conflict");
        Response checkedIn = action(trip.driver().token(), id, "checkin", Clients.json(Map.of("code", code)));
        assertThat(checkedIn.statusCode()).as(checkedIn.asString()).isEqualTo(200);
        assertThat(checkedIn.jsonPath().getString("data.checked_in_at")).isNotNull();
        assertError(action(trip.driver().token(), id, "checkin", Clients.json(Map.of("code", code))), 409, "conflict");
        assertThat(action(trip.driver().token(), id, "start-ride", null).statusCode()).isEqualTo(200);
        assertThat(tripStatus(trip)).isEqualTo("ongoing");
        Response completed = action(trip.driver().token(), id, "end-ride", null);
        assertThat(completed.statusCode()).as(completed.asString()).isEqualTo(200);
        assertThat(completed.jsonPath().getString("data.status")).isEqualTo("completed");
        assertThat(tripStatus(trip)).as("its only paid passenger arrived").isEqualTo("completed");

        assertThat(events(id)).containsExactly("null>pending by user", "pending>accepted by user",
                "accepted>paid by system", "paid>completed by user");
        assertThat(BookingFixtures.auditActions(id)).contains("booking.checkin", "booking.start_ride");
        assertError(action(passenger.token(), id, "cancel", "{}"), 409, "conflict");
    }

    @Test
    void aPassengerCancellingEarlyGetsEverythingBackToTheWallet() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofDays(2));
        Passenger passenger = Passenger.create();
        fund(passenger.id(), 6000);
        String id = paidWithWallet(trip, passenger, 1);
        assertThat(balance(passenger.id())).isEqualByComparingTo("0");
        assertThat(seatsAvailable(trip.id())).isEqualTo(2);

        Response cancelled = action(passenger.token(), id, "cancel", "{}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(balance(passenger.id())).isEqualByComparingTo("6000");
        assertThat(seatsAvailable(trip.id())).as("the seat is free again").isEqualTo(3);
        assertThat(cancelAudit(id)).contains("\"refund\": 6000", "\"kept\": 0", "\"inside_window\": false");
        WalletFixtures.ledger(passenger.id()).assertConsistent();
    }

    @Test
    void aPassengerCancellingLatePaysTheFee() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        fund(passenger.id(), 12000);
        String id = paidWithWallet(trip, passenger, 2);

        assertThat(action(passenger.token(), id, "cancel", "{}").statusCode()).isEqualTo(200);
        assertThat(balance(passenger.id())).as("12000 − 20 %").isEqualByComparingTo("9600");
        assertThat(cancelAudit(id)).contains("\"refund\": 9600", "\"kept\": 2400", "\"inside_window\": true");
        WalletFixtures.ledger(passenger.id()).assertConsistent();
    }

    @Test
    void aDriverCancellingLateRefundsThePassengerByWaveAndIsFined() throws Exception {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        String id = booked(passenger.token(), trip.id(), 1).getString("data.id");
        Response init = pay(passenger.token(), id, "wave");
        String session = waveSessionPaid(init.jsonPath().getString("data.payment.id"));
        send(wave.webhook("checkout.session.completed", session));
        assertThat(BookingFixtures.get(passenger.token(), id).jsonPath().getString("data.status")).isEqualTo("paid");

        Response cancelled = action(trip.driver().token(), id, "cancel", "{\"reason\":\"Malade\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelAudit(id)).contains("\"refund\": 6000", "\"driver_penalty\": 1000", "\"penalty_points\": 1");
        for (int i = 0; i < 40 && !wave.refunded(session); i++) {
            Thread.sleep(250);
        }
        assertThat(wave.refunded(session)).as("refunded by Wave after the commit").isTrue();
        assertThat(Db.value(Integer.class, "SELECT driver_penalty_points FROM users WHERE id = ?", trip.driver().id()))
                .isEqualTo(1);
    }

    @Test
    void aDriverCancellingTheTripRefundsEveryPaidPassengerInFull() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        fund(passenger.id(), 6000);
        String paid = paidWithWallet(trip, passenger, 1);
        String pending = booked(Passenger.create().token(), trip.id(), 1).getString("data.id");

        assertError(Clients.withToken(trip.driver().token()).delete(com.allocar.trips.TripFixtures.TRIPS + "/"
                + trip.id()), 409, "conflict");
        Response cancelled = com.allocar.trips.TripFixtures.action(trip.driver().token(), trip.id(), "cancel",
                "{\"reason\":\"Route coupée\"}");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        for (String id : List.of(paid, pending)) {
            assertThat(BookingFixtures.get(trip.driver().token(), id).jsonPath().getString("data.status"))
                    .isEqualTo("cancelled");
        }
        assertThat(balance(passenger.id())).as("a wallet payment comes back to the wallet in full")
                .isEqualByComparingTo("6000");
        assertThat(cancelAudit(paid)).contains("\"refund\": 6000", "\"kept\": 0");
        WalletFixtures.ledger(passenger.id()).assertConsistent();
        assertThat(Db.value(BigDecimal.class, "SELECT amount FROM driver_penalties WHERE trip_id = ?::uuid "
                + "AND booking_id IS NULL", trip.id())).as("fined once for the trip").isEqualByComparingTo("1000");
    }

    @Test
    void aNoShowKeepsItsShareAndRefundsTheRestToTheWallet() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        fund(passenger.id(), 6000);
        String id = paidWithWallet(trip, passenger, 1);
        assertError(action(trip.driver().token(), id, "no-show", null), 409, "conflict");
        Db.sql("UPDATE trips SET departure_time = now() - interval '10 minutes' WHERE id = ?::uuid", trip.id());

        assertError(action(passenger.token(), id, "cancel", "{}"), 409, "conflict");
        Response noShow = action(trip.driver().token(), id, "no-show", null);
        assertThat(noShow.statusCode()).as(noShow.asString()).isEqualTo(200);
        assertThat(noShow.jsonPath().getString("data.cancel_reason")).isEqualTo("no_show");
        assertThat(balance(passenger.id())).as("6000 − 50 %").isEqualByComparingTo("3000");
        WalletFixtures.ledger(passenger.id()).assertConsistent();
    }

    @Test
    void twentyPassengersRaceForTwoSeatsAndExactlyTwoPay() throws Exception {
        TripRef trip = BookingFixtures.trip(2, true);
        List<Passenger> passengers = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Passenger passenger = Passenger.create();
            passengers.add(passenger);
            bookings.add(booked(passenger.token(), trip.id(), 1).getString("data.id"));
            if (i % 2 == 0) {
                fund(passenger.id(), 6000);
                sessions.add(null);
            } else {
                Response init = pay(passenger.token(), bookings.get(i), "wave");
                assertThat(init.statusCode()).as(init.asString()).isEqualTo(201);
                sessions.add(waveSessionPaid(init.jsonPath().getString("data.payment.id")));
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            attempts.add(() -> {
                start.await();
                return sessions.get(n) == null
                        ? pay(passengers.get(n).token(), bookings.get(n), "wallet").statusCode()
                        : send(wave.webhook("checkout.session.completed", sessions.get(n))).statusCode();
            });
        }
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (Callable<Integer> attempt : attempts) {
                results.add(pool.submit(attempt));
            }
            start.countDown();
            for (int i = 0; i < 20; i++) {
                int status = results.get(i).get();
                assertThat(status).as("attempt %d", i).isIn(200, 201, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(BookingFixtures.get(passengers.get(i).token(), bookings.get(i)).jsonPath().getString("data.status"));
        }
        assertThat(statuses).filteredOn("paid"::equals).hasSize(2);
        assertThat(seatsAvailable(trip.id())).isZero();
        for (int i = 0; i < 20; i++) {
            Passenger passenger = passengers.get(i);
            boolean paid = "paid".equals(statuses.get(i));
            if (sessions.get(i) == null) {
                assertThat(statuses.get(i)).isIn("paid", "accepted");
                assertThat(balance(passenger.id())).isEqualByComparingTo(paid ? "0" : "6000");
                WalletFixtures.ledger(passenger.id()).assertConsistent();
            } else if (!paid) {
                assertThat(statuses.get(i)).as("lost the race after paying").isEqualTo("cancelled");
                String payment = Db.value(String.class, "SELECT status FROM payments WHERE booking_id = ?::uuid",
                        bookings.get(i));
                assertThat(payment).isIn("refunded", "paid");
                assertThat(Db.value(BigDecimal.class, "SELECT coalesce(sum(r.amount), 0) FROM payment_refunds r JOIN "
                        + "payments p ON p.id = r.payment_id WHERE p.booking_id = ?::uuid", bookings.get(i)))
                        .as("refunded in full").isEqualByComparingTo("6000");
            }
        }
        assertThat(Db.value(Long.class, "SELECT count(*) FROM bookings WHERE trip_id = ?::uuid AND status = 'paid'",
                trip.id())).isEqualTo(2L);
    }

    private String paidWithWallet(TripRef trip, Passenger passenger, int seats) {
        String id = booked(passenger.token(), trip.id(), seats).getString("data.id");
        Response paid = pay(passenger.token(), id, "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        assertThat(paid.jsonPath().getString("data.payment.status")).isEqualTo("paid");
        assertThat(BookingFixtures.get(passenger.token(), id).jsonPath().getString("data.status")).isEqualTo("paid");
        return id;
    }

    /** The session Wave opened for our payment, paid by the payer. */
    private String waveSessionPaid(String paymentId) {
        String session = wave.sessionFor(paymentId).getString("id");
        wave.pay(session);
        return session;
    }

    private static Response send(SignedWebhook event) {
        return Clients.anonymous().headers(event.headers()).body(event.body()).post(WAVE_WEBHOOK);
    }

    private static String cancelAudit(String bookingId) {
        return Db.value(String.class, "SELECT meta::text FROM audit_logs WHERE entity_id = ?::uuid AND action IN "
                + "('booking.cancel', 'booking.no_show') ORDER BY created_at DESC LIMIT 1", bookingId);
    }

    private static String tripStatus(TripRef trip) {
        return Db.value(String.class, "SELECT status FROM trips WHERE id = ?::uuid", trip.id());
    }
}
