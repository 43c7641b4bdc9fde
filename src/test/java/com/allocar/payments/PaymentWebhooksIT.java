package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.assertError;
import static com.allocar.payments.PaymentFixtures.auditActions;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.init;
import static com.allocar.payments.PaymentFixtures.post;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.seatsAvailable;
import static com.allocar.payments.PaymentFixtures.started;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.trip;
import static com.allocar.payments.PaymentFixtures.walletBalance;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paying bookings through the providers' stand-ins, with webhooks signed (or notified, or called back) exactly as
 * each provider does: the payment, the booking, the seats, the commission, the inbox and the refunds.
 */
class PaymentWebhooksIT {
    private static WaveStandIn wave;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        OrangeStandIn.start();
        MtnStandIn.start();
        StripeStandIn.start();
    }

    private static String session(UUID paymentId) {
        return wave.sessionFor(paymentId.toString()).getString("id");
    }

    @Test
    void waveFullPathPaysTheBookingTakesTheSeatsAndRecordsTheCommission() {
        PaymentFixtures.Booked booked = accepted(3, 2);
        Response response = init(booked.passenger().token(), booked.bookingId(), "wave");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        JsonPath answer = response.jsonPath().setRootPath("data");
        UUID paymentId = UUID.fromString(answer.getString("payment.id"));
        String session = session(paymentId);
        assertThat(answer.getString("payment.status")).isEqualTo("init");
        assertThat(answer.getString("payment.method")).isEqualTo("wave");
        assertThat(answer.getInt("payment.amount")).isEqualTo(12000);
        assertThat(answer.getString("payment.currency")).isEqualTo("XOF");
        assertThat(answer.getString("payment.provider_ref")).isEqualTo(session);
        assertThat(answer.getString("redirect_url")).isEqualTo(wave.session(session).getString("wave_launch_url"));
        assertThat(answer.getString("provider.name")).isEqualTo("wave");
        assertThat(answer.getString("provider.wave_launch_url")).isEqualTo(answer.getString("redirect_url"));
        assertThat(wave.session(session).getString("amount")).isEqualTo("12000");
        assertThat(response.getHeader("Location")).endsWith("/payments/" + paymentId);

        wave.pay(session);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("applied");

        JsonPath payment = Clients.withToken(booked.passenger().token()).get(PaymentFixtures.PAYMENTS + "/" + paymentId)
                .then().statusCode(200).extract().jsonPath().setRootPath("data");
        assertThat(payment.getString("status")).isEqualTo("paid");
        assertThat(payment.getString("paid_at")).isNotBlank();
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(1);
        Map<String, Object> stored = row("SELECT commission, fees, provider_txn_id FROM payments WHERE id = ?", paymentId);
        assertThat((BigDecimal) stored.get("commission")).isEqualByComparingTo("1200"); // 10 % by default
        assertThat((BigDecimal) stored.get("fees")).isEqualByComparingTo("0");
        assertThat(stored.get("provider_txn_id")).isEqualTo(wave.session(session).getString("transaction_id"));
        assertThat(auditActions(paymentId)).contains("payment.init", "payment.paid");
        String metrics = Clients.anonymous().accept("text/plain").get("/metrics").asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("payment_outcomes_total{")
                && line.contains("method=\"wave\"") && line.contains("outcome=\"paid\""))).isNotEmpty();
    }

    @Test
    void aDuplicateWebhookAnswers200AndChangesNothing() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        String session = session(paymentId);
        wave.pay(session);
        SignedWebhook event = wave.webhook("checkout.session.completed", session);
        assertThat(deliver("wave", event)).isEqualTo("applied");
        assertThat(deliver("wave", event)).isEqualTo("duplicate");
        String eventId = JsonPath.from(event.body()).getString("id");
        assertThat(count("SELECT count(*) FROM webhook_events WHERE provider = 'wave' AND event_id = ?", eventId)).isOne();
        // another event id about the same paid session (Wave redelivering under a new id) changes nothing either
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("already_applied");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(2);
        assertThat(auditActions(paymentId).stream().filter("payment.paid"::equals)).hasSize(1);
    }

    @Test
    void forgedAndStaleWebhooksAreRefused() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        String session = session(paymentId);
        wave.pay(session);
        SignedWebhook genuine = wave.webhook("checkout.session.completed", session);

        Response tampered = post("wave", genuine.withBody(genuine.body().replace("\"6000\"", "\"1\"")));
        assertError(tampered, 401, "webhook_invalid_signature");
        Response wrongSecret = post("wave", WaveStandIn.signed(genuine.body(), Instant.now(), "not-the-secret"));
        assertError(wrongSecret, 401, "webhook_invalid_signature");
        Response stale = post("wave", wave.webhook("checkout.session.completed", session, Instant.now().minusSeconds(400)));
        assertError(stale, 401, "webhook_invalid_signature");
        assertThat(stale.jsonPath().getString("error.details.reason")).isEqualTo("stale");
        Response unsigned = post("wave", genuine.withHeader("Wave-Signature", ""));
        assertError(unsigned, 401, "webhook_invalid_signature");

        assertThat(status("payments", paymentId)).isEqualTo("init");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("accepted");
        assertThat(deliver("wave", genuine)).isEqualTo("applied");
    }

    @Test
    void aSuccessWithAnotherAmountLeavesThePaymentUnchangedAndIsFlaggedForFinance() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        String session = session(paymentId);
        wave.setAmount(session, "100");
        wave.pay(session);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("needs_review");
        assertThat(status("payments", paymentId)).isEqualTo("init");
        assertThat(status("payment_attempts", paymentId)).isEqualTo("needs_review");
        assertThat(count("SELECT count(*) FROM webhook_events WHERE payment_id = ? AND outcome = 'needs_review'",
                paymentId)).isOne();
        Response listed = Clients.withToken(TestTokens.forAdmin("finance")).get("/api/v1/admin/payment-attempts/needs-review");
        assertThat(listed.statusCode()).as(listed.asString()).isEqualTo(200);
        assertThat(listed.jsonPath().getList("data.findAll { it.kind == 'attempt' }.id")).contains(paymentId.toString());
        assertThat(listed.jsonPath().getString("data.find { it.id == '" + paymentId + "' }.reason")).isEqualTo("amount");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("accepted");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(3);
        assertThat(auditActions(paymentId)).contains("payment.webhook_mismatch");
    }

    @Test
    void aFailedOrExpiredAttemptFailsThePaymentAndLeavesTheBookingAccepted() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        String session = session(paymentId);
        // a failed try leaves Wave's session open: the payer may try again, nothing is final yet
        wave.failPayment(session, "insufficient-funds");
        assertThat(deliver("wave", wave.webhook("checkout.session.payment_failed", session))).isEqualTo("pending");
        assertThat(status("payments", paymentId)).isEqualTo("init");
        wave.expire(session);
        assertThat(deliver("wave", wave.webhook("checkout.session.expired", session))).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("failed");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("accepted");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(3);
        // a later "expired" again never changes a failed payment, and a new init opens a new attempt
        assertThat(deliver("wave", wave.webhook("checkout.session.expired", session))).isEqualTo("already_applied");
        assertThat(started(booked, "wave")).isNotEqualTo(paymentId);
    }

    @Test
    void aPaymentForSeatsThatAreGoneIsRefundedThroughWave() {
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        UUID firstPayment = started(first, "wave");
        UUID secondPayment = started(second, "wave");
        String firstSession = session(firstPayment);
        String secondSession = session(secondPayment);
        wave.pay(firstSession);
        wave.pay(secondSession);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", firstSession))).isEqualTo("applied");
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", secondSession))).isEqualTo("applied");

        assertThat(status("bookings", first.bookingId())).isEqualTo("paid");
        assertThat(status("bookings", second.bookingId())).isEqualTo("cancelled");
        assertThat(seatsAvailable(trip)).isZero();
        eventually(() -> wave.refunded(secondSession), "Wave's refund of the second session");
        eventually(() -> "refunded".equals(status("payments", secondPayment)), "the payment refunded");
        Map<String, Object> refund = row("SELECT amount, route, status, reason, attempts FROM payment_refunds "
                + "WHERE payment_id = ?", secondPayment);
        assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo("6000");
        assertThat(refund).containsEntry("route", "ORIGINAL").containsEntry("status", "completed")
                .containsEntry("reason", "seats_gone").containsEntry("attempts", 1);
        assertThat((BigDecimal) row("SELECT refunded_amount FROM payments WHERE id = ?", secondPayment)
                .get("refunded_amount")).isEqualByComparingTo("6000");
        assertThat(wave.refunded(firstSession)).isFalse();
        assertThat(auditActions(secondPayment)).contains("payment.paid", "payment.refund_requested", "payment.refund");
    }

    @Test
    void aProviderWithoutRefundsGivesTheMoneyBackToTheWallet() {
        MtnStandIn mtn = MtnStandIn.start();
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        UUID firstPayment = started(first, "wave");
        UUID secondPayment = started(second, "mtn");
        wave.pay(session(firstPayment));
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session(firstPayment)))).isEqualTo("applied");
        mtn.succeed(secondPayment.toString());
        assertThat(deliver("mtn", mtn.callback(secondPayment.toString()))).isEqualTo("applied");

        eventually(() -> walletBalance(second.passenger().id()) == 6000, "the wallet credited");
        Map<String, Object> refund = row("SELECT route, status, wallet_txn_id FROM payment_refunds WHERE payment_id = ?",
                secondPayment);
        assertThat(refund).containsEntry("route", "WALLET").containsEntry("status", "completed");
        assertThat(refund.get("wallet_txn_id")).isNotNull();
        assertThat(status("payments", secondPayment)).isEqualTo("refunded");
        assertThat(count("SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ? "
                + "AND t.source = 'refund' AND t.idempotency_key LIKE 'refund:%'", second.passenger().id())).isOne();
    }

    @Test
    void aCardRefundThatCouldNotBeSentIsRetriedWithTheSameKeyAndPaidOnce() {
        StripeStandIn stripe = StripeStandIn.start();
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        UUID firstPayment = started(first, "wave");
        UUID secondPayment = started(second, "card");
        wave.pay(session(firstPayment));
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session(firstPayment)))).isEqualTo("applied");
        String intent = stripe.intentFor(secondPayment.toString());
        stripe.succeed(intent);
        int before = stripe.requests("POST", "/v1/refunds").size();
        stripe.failNext("POST", "/v1/refunds", 503, 1);
        assertThat(deliver("stripe", stripe.webhook("payment_intent.succeeded", intent))).isEqualTo("applied");

        eventually(() -> count("SELECT count(*) FROM payment_refunds WHERE payment_id = ? AND attempts >= 1 "
                + "AND last_error IS NOT NULL", secondPayment) == 1, "the first send to fail");
        eventually(() -> "completed".equals(PaymentFixtures.value("SELECT status FROM payment_refunds WHERE payment_id = ?",
                secondPayment)), "the retry (ALLOCAR_REFUND_RETRY_SECONDS) to complete the refund", 40);
        var sends = stripe.requests("POST", "/v1/refunds");
        assertThat(sends).hasSize(before + 2);
        assertThat(sends.get(sends.size() - 1).getHeader("Idempotency-Key"))
                .isEqualTo(sends.get(sends.size() - 2).getHeader("Idempotency-Key"));
        assertThat(stripe.intent(intent).getJsonObject("latest_charge").getJsonNumber("amount_refunded").longValue())
                .isEqualTo(6000);
        assertThat(status("payments", secondPayment)).isEqualTo("refunded");
        // Stripe's own charge.refunded event afterwards changes nothing
        assertThat(deliver("stripe", stripe.webhook("charge.refunded", intent))).isEqualTo("already_applied");
        assertThat(count("SELECT count(*) FROM payment_refunds WHERE payment_id = ?", secondPayment)).isOne();
    }

    @Test
    void orangeNotificationsNeedTheirTokenAndAStatusLookUp() {
        OrangeStandIn orange = OrangeStandIn.start();
        PaymentFixtures.Booked booked = accepted(3, 1);
        Response response = init(booked.passenger().token(), booked.bookingId(), "orange");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        String order = orange.orderFor(paymentId.toString());
        assertThat(response.jsonPath().getString("data.redirect_url")).isNotBlank();

        assertError(post("orange", orange.notification(order, "forged-token")), 401, "webhook_invalid_signature");
        // a genuine token but Orange still has the order pending: nothing applied, the notification not consumed
        orange.pay(order);
        SignedWebhook notification = orange.notification(order);
        orange.failNextAbout(order, "POST", ".*/transactionstatus", 200,
                "{\"status\":\"PENDING\",\"order_id\":\"" + order + "\",\"txnid\":null}", 1);
        assertThat(deliver("orange", notification)).isEqualTo("pending");
        assertThat(status("payments", paymentId)).isEqualTo("init");
        assertThat(deliver("orange", notification)).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        // delivered again: the attempt no longer waits for Orange's word, so nothing is looked up or stored
        assertThat(deliver("orange", notification)).isEqualTo("already_applied");
    }

    @Test
    void mtnCallbacksAreHintsConfirmedByALookUp() {
        MtnStandIn mtn = MtnStandIn.start();
        PaymentFixtures.Booked booked = accepted(3, 1);
        Response response = init(booked.passenger().token(), booked.bookingId(), "mtn");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        assertThat(response.jsonPath().getString("data.payment.provider_ref")).isEqualTo(paymentId.toString());
        assertThat(mtn.request(paymentId.toString()).getJsonObject("payer").getString("partyId")).isNotBlank();

        // anyone can send an MTN callback: a forged "SUCCESSFUL" is checked against MTN, which says PENDING
        SignedWebhook pending = mtn.callback(paymentId.toString());
        String forged = pending.body().replace("\"PENDING\"", "\"SUCCESSFUL\"");
        assertThat(deliver("mtn", pending.withBody(forged))).isEqualTo("pending");
        assertThat(status("payments", paymentId)).isEqualTo("init");

        mtn.succeed(paymentId.toString());
        assertThat(deliver("mtn", mtn.callback(paymentId.toString()))).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
    }

    @Test
    void stripeWebhooksAreSignedAndPayCardPayments() {
        StripeStandIn stripe = StripeStandIn.start();
        PaymentFixtures.Booked booked = accepted(3, 1);
        Response response = init(booked.passenger().token(), booked.bookingId(), "card");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        String intent = stripe.intentFor(paymentId.toString());
        assertThat(response.jsonPath().getString("data.provider.client_secret")).startsWith(intent + "_secret_");

        stripe.succeed(intent);
        SignedWebhook event = stripe.webhook("payment_intent.succeeded", intent);
        assertError(post("stripe", StripeStandIn.signed(event.body(), Instant.now(), "whsec_wrong")), 401,
                "webhook_invalid_signature");
        assertError(post("stripe", StripeStandIn.signed(event.body(), Instant.now().minusSeconds(301),
                stripe.webhookSecret())), 401, "webhook_invalid_signature");
        assertThat(deliver("stripe", event)).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        // a late failure never downgrades a paid payment
        assertThat(deliver("stripe", stripe.webhook("payment_intent.payment_failed", intent))).isEqualTo("already_applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
    }

    @Test
    void unknownProvidersAndPaymentsAreHandled() {
        assertError(Clients.anonymous().body("{}").post(PaymentFixtures.WEBHOOK + "paypal"), 404, "not_found");
        String body = "{\"id\":\"EV_" + UUID.randomUUID() + "\",\"type\":\"checkout.session.completed\",\"data\":{"
                + "\"id\":\"cos-unknown\",\"amount\":\"100\",\"currency\":\"XOF\",\"client_reference\":\""
                + UUID.randomUUID() + "\",\"checkout_status\":\"complete\",\"payment_status\":\"succeeded\"}}";
        // a signed success naming nothing of ours is money somewhere: kept for finance, not dropped
        assertThat(deliver("wave", wave.signed(body, Instant.now()))).isEqualTo("needs_review");
    }
}
