package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.auditActions;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.seatsAvailable;
import static com.allocar.payments.PaymentFixtures.sql;
import static com.allocar.payments.PaymentFixtures.started;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.value;
import static com.allocar.payments.PaymentFixtures.walletBalance;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 3a: a payment whose provider notification never came is settled by the poller through the
 * webhook's path, one the provider reports failed is failed, a pending one is asked again later and left alone
 * past its expiry. Each test makes its attempt due at once ({@code payment_attempt_polls.next_poll_at}) instead of
 * waiting {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS}; the poller runs every second under {@code scripts/test}.
 */
class PaymentPollerIT {
    private static WaveStandIn wave;
    private static OrangeStandIn orange;
    private static MtnStandIn mtn;
    private static StripeStandIn stripe;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        orange = OrangeStandIn.start();
        mtn = MtnStandIn.start();
        stripe = StripeStandIn.start();
    }

    private static void dueNow(UUID attemptId) {
        sql("UPDATE payment_attempt_polls SET next_poll_at = now() WHERE attempt_id = ?", attemptId);
    }

    private static Map<String, Object> poll(UUID attemptId) {
        return row("SELECT polls, last_outcome, ended_at, next_poll_at FROM payment_attempt_polls WHERE attempt_id = ?",
                attemptId);
    }

    private static boolean ended(UUID attemptId) {
        return poll(attemptId).get("ended_at") != null;
    }

    @Test
    void aWavePaymentWhoseWebhookNeverCameIsSettledByThePoller() {
        PaymentFixtures.Booked booked = accepted(3, 2);
        UUID paymentId = started(booked, "wave");
        assertThat(poll(paymentId).get("ended_at")).as("an attempt is scheduled for polling when it is made").isNull();
        assertThat(count("SELECT count(*) FROM payment_attempt_polls WHERE attempt_id = ? "
                + "AND next_poll_at > now() + interval '10 seconds'", paymentId))
                .as("not before ALLOCAR_PAYMENT_POLL_AFTER_SECONDS").isOne();
        String session = wave.sessionFor(paymentId.toString()).getString("id");
        wave.pay(session);
        dueNow(paymentId);

        eventually(() -> "paid".equals(status("bookings", booked.bookingId())), "the poller to settle the booking");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("payment_attempts", paymentId)).isEqualTo("succeeded");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(1);
        assertThat(value("SELECT provider_txn_id FROM payments WHERE id = ?", paymentId))
                .isEqualTo(wave.session(session).getString("transaction_id"));
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'payments' AND entity_id = ? "
                + "AND action = 'payment.paid' AND meta->>'source' = 'poll:wave'", paymentId)).isOne();
        assertThat(count("SELECT count(*) FROM webhook_events WHERE provider = 'wave' AND event_type = 'poll' "
                + "AND payment_id = ? AND outcome = 'applied'", paymentId)).isOne();
        eventually(() -> ended(paymentId), "the poll row to end");
        assertThat(poll(paymentId).get("last_outcome")).isEqualTo("applied");

        // the notification arrives after all: nothing more happens
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("already_applied");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(1);
        assertThat(auditActions(paymentId).stream().filter("payment.paid"::equals)).hasSize(1);

        String metrics = Clients.anonymous().accept("text/plain").get("/metrics").asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("payment_polls_total{")
                && line.contains("provider=\"wave\"") && line.contains("outcome=\"applied\""))).isNotEmpty();
    }

    @Test
    void anMtnPaymentTheProviderReportsFailedIsFailed() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "mtn");
        mtn.fail(paymentId.toString(), "NOT_ENOUGH_FUNDS");
        dueNow(paymentId);

        eventually(() -> "failed".equals(status("payments", paymentId)), "the poller to fail the payment");
        assertThat(status("payment_attempts", paymentId)).isEqualTo("failed");
        assertThat(value("SELECT failure_reason FROM payment_attempts WHERE id = ?", paymentId)).isEqualTo("NOT_ENOUGH_FUNDS");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("accepted");
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'payments' AND entity_id = ? "
                + "AND action = 'payment.failed' AND meta->>'source' = 'poll:mtn'", paymentId)).isOne();
        eventually(() -> ended(paymentId), "the poll row to end");
    }

    @Test
    void anOrangeTopUpWhoseNotificationWasLostIsCreditedOnce() {
        PaymentFixtures.Passenger me = PaymentFixtures.passenger();
        Response response = Clients.withToken(me.token()).body(Clients.json(Map.of("amount", 3000, "method", "orange")))
                .post("/api/v1/wallet/topup");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        UUID paymentId = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        String order = orange.orderFor(paymentId.toString());
        orange.pay(order);
        dueNow(paymentId);

        eventually(() -> "paid".equals(status("payments", paymentId)), "the poller to credit the top-up");
        assertThat(walletBalance(me.id())).isEqualTo(3000);
        // Orange's notification comes late: the attempt no longer waits, nothing is looked up or credited again
        assertThat(deliver("orange", orange.notification(order))).isEqualTo("already_applied");
        assertThat(walletBalance(me.id())).isEqualTo(3000);
    }

    @Test
    void aStillPendingAttemptIsAskedAgainLaterNotEverySecond() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "card");
        dueNow(paymentId);

        eventually(() -> "pending".equals(poll(paymentId).get("last_outcome")), "a first poll");
        Map<String, Object> after = poll(paymentId);
        assertThat(after.get("polls")).isEqualTo(1);
        assertThat(after.get("ended_at")).isNull();
        assertThat(count("SELECT count(*) FROM payment_attempt_polls WHERE attempt_id = ? "
                + "AND next_poll_at > now() + interval '30 seconds'", paymentId))
                .as("the next poll backs off (at least the poll-after age)").isOne();
        assertThat(status("payments", paymentId)).isEqualTo("init");
        assertThat(stripe.requests("GET", "/v1/payment_intents/" + stripe.intentFor(paymentId.toString()))).hasSize(1);
    }

    @Test
    void anAttemptStillPendingPastItsExpiryIsNoLongerPolled() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "wave");
        sql("UPDATE payment_attempts SET expires_at = now() - interval '1 hour' WHERE id = ?", paymentId);
        dueNow(paymentId);

        eventually(() -> ended(paymentId), "the poller to give up");
        assertThat(poll(paymentId).get("last_outcome")).isEqualTo("gave_up:pending");
        assertThat(status("payments", paymentId)).as("nothing decided without the provider's word").isEqualTo("init");
        assertThat(status("payment_attempts", paymentId)).isEqualTo("open");
    }
}
