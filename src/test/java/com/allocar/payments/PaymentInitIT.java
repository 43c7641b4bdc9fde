package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.assertError;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.fundWallet;
import static com.allocar.payments.PaymentFixtures.init;
import static com.allocar.payments.PaymentFixtures.passenger;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.seatsAvailable;
import static com.allocar.payments.PaymentFixtures.started;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.trip;
import static com.allocar.payments.PaymentFixtures.walletBalance;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /payments/init, GET /payments, wallet payments, top-ups, idempotency, ownership and the card rule. */
class PaymentInitIT {
    private static final String TOPUP = "/api/v1/wallet/topup";

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        WaveStandIn.start();
        StripeStandIn.start();
    }

    @Test
    void aWalletPaysAtOnce() {
        PaymentFixtures.Booked booked = accepted(3, 2);
        fundWallet(booked.passenger().id(), 20000);
        Response response = init(booked.passenger().token(), booked.bookingId(), "wallet");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.jsonPath().getString("data.payment.status")).isEqualTo("paid");
        assertThat(response.jsonPath().getInt("data.payment.amount")).isEqualTo(12000);
        assertThat(response.jsonPath().getString("data.provider.name")).isEqualTo("wallet");
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        assertThat(walletBalance(booked.passenger().id())).isEqualTo(8000);
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(1);
        assertThat((BigDecimal) row("SELECT commission FROM payments WHERE id = ?", paymentId).get("commission"))
                .isEqualByComparingTo("1200");
        assertThat(count("SELECT count(*) FROM wallet_txns WHERE idempotency_key = ?", "payment:" + paymentId)).isOne();
    }

    @Test
    void aShortWalletIsRefusedAndNothingMoves() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        fundWallet(booked.passenger().id(), 5999);
        assertError(init(booked.passenger().token(), booked.bookingId(), "wallet"), 402, "insufficient_funds");
        assertThat(walletBalance(booked.passenger().id())).isEqualTo(5999);
        assertThat(count("SELECT count(*) FROM payments WHERE booking_id = ?", booked.bookingId())).isZero();
        assertThat(status("bookings", booked.bookingId())).isEqualTo("accepted");
    }

    @Test
    void aWalletPaymentForSeatsThatAreGoneRollsBackEntirely() {
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        fundWallet(first.passenger().id(), 6000);
        fundWallet(second.passenger().id(), 6000);
        assertThat(init(first.passenger().token(), first.bookingId(), "wallet").statusCode()).isEqualTo(201);
        assertError(init(second.passenger().token(), second.bookingId(), "wallet"), 409, "booking_conflict");
        assertThat(walletBalance(second.passenger().id())).isEqualTo(6000);
        assertThat(count("SELECT count(*) FROM payments WHERE booking_id = ?", second.bookingId())).isZero();
    }

    @Test
    void initIsIdempotentAndReusesTheOpenAttempt() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        String key = "pay-" + UUID.randomUUID();
        Map<String, String> body = Map.of("booking_id", booked.bookingId().toString(), "method", "wave");
        Response first = Clients.withToken(booked.passenger().token()).header("Idempotency-Key", key)
                .body(Clients.json(body)).post(PaymentFixtures.INIT);
        Response replay = Clients.withToken(booked.passenger().token()).header("Idempotency-Key", key)
                .body(Clients.json(body)).post(PaymentFixtures.INIT);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        String id = first.jsonPath().getString("data.payment.id");
        assertThat(replay.jsonPath().getString("data.payment.id")).isEqualTo(id);
        assertThat(count("SELECT count(*) FROM payments WHERE booking_id = ?", booked.bookingId())).isOne();

        Response other = Clients.withToken(booked.passenger().token()).header("Idempotency-Key", key)
                .body(Clients.json(Map.of("booking_id", booked.bookingId().toString(), "method", "card")))
                .post(PaymentFixtures.INIT);
        assertError(other, 422, "idempotency_conflict");

        // without a key, a second init with the same method reuses the open attempt (200) and Wave's session
        Response again = init(booked.passenger().token(), booked.bookingId(), "wave");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.jsonPath().getString("data.payment.id")).isEqualTo(id);
        assertThat(WaveStandIn.start().sessionsFor(id)).hasSize(1);
        assertThat(count("SELECT count(*) FROM payments WHERE booking_id = ?", booked.bookingId())).isOne();
    }

    @Test
    void othersCanNeitherSeeNorPayMyBookingsAndPayments() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        PaymentFixtures.Passenger stranger = passenger();
        assertError(Clients.withToken(stranger.token()).get(PaymentFixtures.PAYMENTS + "/" + paymentId), 404, "not_found");
        assertError(init(stranger.token(), booked.bookingId(), "wave"), 404, "not_found");
        assertError(Clients.anonymous().get(PaymentFixtures.PAYMENTS + "/" + paymentId), 401, "auth_required");
        assertThat(Clients.withToken(stranger.token()).get(PaymentFixtures.PAYMENTS).then().statusCode(200).extract()
                .jsonPath().getList("data")).isEmpty();
        Response mine = Clients.withToken(booked.passenger().token())
                .get(PaymentFixtures.PAYMENTS + "?status=init&method=wave&booking_id=" + booked.bookingId());
        assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(200);
        assertThat(mine.jsonPath().getList("data.id")).containsExactly(paymentId.toString());
        assertThat(mine.jsonPath().getInt("meta.pagination.total")).isOne();
        assertError(Clients.withToken(booked.passenger().token()).get(PaymentFixtures.PAYMENTS + "?colour=red"), 400,
                "validation_error");
    }

    @Test
    void badRequestsAreValidationErrors() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        assertError(init(booked.passenger().token(), booked.bookingId(), "bitcoin"), 400, "validation_error");
        assertError(Clients.withToken(booked.passenger().token()).body("{\"method\":\"wave\"}").post(PaymentFixtures.INIT),
                400, "validation_error");
        PaymentFixtures.Booked pending = accepted(3, 1);
        PaymentFixtures.sql("UPDATE bookings SET status = 'pending' WHERE id = ?", pending.bookingId());
        assertError(init(pending.passenger().token(), pending.bookingId(), "wave"), 409, "conflict");
    }

    @Test
    void theFourthCardPaymentAfterThreeFailuresIn24HoursIsRefused() {
        StripeStandIn stripe = StripeStandIn.start();
        PaymentFixtures.Booked booked = accepted(3, 1);
        for (int i = 0; i < 3; i++) {
            UUID paymentId = started(booked, "card");
            String intent = stripe.intentFor(paymentId.toString());
            stripe.decline(intent, "insufficient_funds");
            assertThat(deliver("stripe", stripe.webhook("payment_intent.payment_failed", intent))).isEqualTo("applied");
            assertThat(status("payments", paymentId)).isEqualTo("failed");
        }
        Response fourth = init(booked.passenger().token(), booked.bookingId(), "card");
        assertError(fourth, 429, "rate_limited");
        assertThat(fourth.jsonPath().getString("error.details.scope")).isEqualTo("card_failures");
        assertThat(Long.parseLong(fourth.getHeader("Retry-After"))).isBetween(86_000L, 86_401L);
        // other methods are still open to this passenger
        assertThat(init(booked.passenger().token(), booked.bookingId(), "wave").statusCode()).isEqualTo(201);
    }

    @Test
    void aTopUpIsCreditedOnItsWebhook() {
        WaveStandIn wave = WaveStandIn.start();
        PaymentFixtures.Passenger me = passenger();
        Response response = Clients.withToken(me.token()).body(Clients.json(Map.of("amount", 5000, "method", "wave")))
                .post(TOPUP);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.jsonPath().getString("data.payment.purpose")).isEqualTo("topup");
        assertThat(response.jsonPath().getString("data.redirect_url")).isNotBlank();
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        String session = wave.sessionFor(paymentId.toString()).getString("id");
        assertThat(walletBalance(me.id())).isZero();
        wave.pay(session);
        var event = wave.webhook("checkout.session.completed", session);
        assertThat(deliver("wave", event)).isEqualTo("applied");
        assertThat(deliver("wave", event)).isEqualTo("duplicate");
        assertThat(walletBalance(me.id())).isEqualTo(5000);
        assertThat(count("SELECT count(*) FROM wallet_txns WHERE idempotency_key = ? AND source = 'topup'",
                "topup:" + paymentId)).isOne();
        assertThat(status("payments", paymentId)).isEqualTo("paid");
    }

    @Test
    void topUpsHaveBounds() {
        String token = passenger().token();
        for (Object amount : new Object[] {50, 2_000_001, 100.5}) {
            assertError(Clients.withToken(token).body(Clients.json(Map.of("amount", amount, "method", "wave"))).post(TOPUP),
                    400, "validation_error");
        }
        assertError(Clients.withToken(token).body(Clients.json(Map.of("amount", 1000, "method", "wallet"))).post(TOPUP),
                400, "validation_error");
    }
}
