package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.init;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.seatsAvailable;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 1: every provider attempt of a payment is kept, a success of any of them pays the booking once,
 * and whatever is paid beyond that is refunded; concurrent inits open one attempt; an unsigned hint about nothing of
 * ours writes nothing.
 */
class PaymentAttemptsIT {
    private static WaveStandIn wave;
    private static OrangeStandIn orange;
    private static MtnStandIn mtn;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        orange = OrangeStandIn.start();
        mtn = MtnStandIn.start();
    }

    private static UUID paymentOf(Response response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expectedStatus);
        return UUID.fromString(response.jsonPath().getString("data.payment.id"));
    }

    private static String attemptStatus(UUID attemptId) {
        return (String) value("SELECT status FROM payment_attempts WHERE id = ?", attemptId);
    }

    private static UUID liveAttempt(UUID paymentId) {
        return (UUID) value("SELECT id FROM payment_attempts WHERE payment_id = ? AND status IN ('opening', 'open')",
                paymentId);
    }

    /** The payment that holds money paid beyond what the booking needed, and its refund. */
    private static Map<String, Object> extraRefund(UUID bookingId, UUID paidPayment) {
        UUID extra = (UUID) value("SELECT id FROM payments WHERE booking_id = ? AND id <> ?", bookingId, paidPayment);
        assertThat(extra).as("the extra money is recorded on a payment of its own").isNotNull();
        Map<String, Object> refund = row("SELECT payment_id, amount, route, reason FROM payment_refunds "
                + "WHERE payment_id = ?", extra);
        assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo("6000");
        assertThat(refund).containsEntry("reason", "extra_attempt");
        return refund;
    }

    @Test
    void aDoubleTapOnOrangeOffersTheSameOrderAndPayingItPaysTheBooking() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        Response first = init(booked.passenger().token(), booked.bookingId(), "orange");
        UUID paymentId = paymentOf(first, 201);
        Response second = init(booked.passenger().token(), booked.bookingId(), "orange");
        assertThat(paymentOf(second, 200)).isEqualTo(paymentId);
        assertThat(second.jsonPath().getString("data.redirect_url")).isEqualTo(first.jsonPath().getString("data.redirect_url"))
                .isEqualTo(second.jsonPath().getString("data.provider.payment_url"));
        assertThat(count("SELECT count(*) FROM payment_attempts WHERE payment_id = ?", paymentId)).isOne();

        String order = orange.orderFor(paymentId.toString());
        orange.pay(order);
        assertThat(deliver("orange", orange.notification(order))).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
    }

    @Test
    void payingTheFirstOrangeOrderAfterASecondWasOpenedPaysTheBookingAndTheSecondIsRefunded() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = paymentOf(init(booked.passenger().token(), booked.bookingId(), "orange"), 201);
        String firstOrder = orange.orderFor(paymentId.toString());
        // the first order is too old to offer again: the next init opens a second one
        PaymentFixtures.sql("UPDATE payment_attempts SET created_at = now() - interval '1 hour' WHERE id = ?", paymentId);
        assertThat(paymentOf(init(booked.passenger().token(), booked.bookingId(), "orange"), 200)).isEqualTo(paymentId);
        UUID secondAttempt = liveAttempt(paymentId);
        assertThat(secondAttempt).isNotEqualTo(paymentId);
        assertThat(attemptStatus(paymentId)).isEqualTo("superseded");
        String secondOrder = orange.orderFor(secondAttempt.toString());
        assertThat(secondOrder).isNotEqualTo(firstOrder);

        // the payer completes the FIRST order: its own notif_token is still the proof, its success pays the booking
        orange.pay(firstOrder);
        assertThat(deliver("orange", orange.notification(firstOrder))).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        assertThat(value("SELECT provider_ref FROM payments WHERE id = ?", paymentId)).isEqualTo(firstOrder);

        // then the second as well: the booking is paid once, the second payment is given back
        orange.pay(secondOrder);
        assertThat(deliver("orange", orange.notification(secondOrder))).isEqualTo("applied");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(2);
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(attemptStatus(secondAttempt)).isEqualTo("succeeded");
        extraRefund(booked.bookingId(), paymentId);
    }

    @Test
    void aWaveRetryOnAnExpiringSessionThenBothSessionsPaidPaysOnceAndRefundsTheSecond() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        wave.nextSessionLifetime(Duration.ofSeconds(90));
        Response first = init(booked.passenger().token(), booked.bookingId(), "wave");
        UUID paymentId = paymentOf(first, 201);
        String firstSession = first.jsonPath().getString("data.payment.provider_ref");
        // our stop of the superseded session does not reach Wave: the payer can still complete it
        wave.failNext("POST", "/v1/checkout/sessions/" + firstSession + "/expire", 503, 1);
        Response second = init(booked.passenger().token(), booked.bookingId(), "wave");
        assertThat(paymentOf(second, 200)).isEqualTo(paymentId);
        String secondSession = second.jsonPath().getString("data.payment.provider_ref");
        assertThat(secondSession).isNotEqualTo(firstSession);
        assertThat(second.jsonPath().getString("data.redirect_url"))
                .isEqualTo(wave.session(secondSession).getString("wave_launch_url"));

        wave.pay(firstSession);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", firstSession))).isEqualTo("applied");
        assertThat(status("payments", paymentId)).isEqualTo("paid");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");

        wave.pay(secondSession);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", secondSession))).isEqualTo("applied");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("paid");
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(2);
        Map<String, Object> refund = extraRefund(booked.bookingId(), paymentId);
        assertThat(refund).containsEntry("route", "ORIGINAL");
        eventually(() -> wave.refunded(secondSession), "Wave's refund of the second session");
        eventually(() -> "refunded".equals(status("payments", (UUID) refund.get("payment_id"))), "the extra refunded");
        assertThat(wave.refunded(firstSession)).isFalse();
        // the same event delivered again under another id changes nothing
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", secondSession)))
                .isEqualTo("already_applied");
        assertThat(count("SELECT count(*) FROM payments WHERE booking_id = ?", booked.bookingId())).isEqualTo(2);
    }

    @Test
    void aSuccessArrivingAfterTheBookingWasCancelledIsRefunded() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = paymentOf(init(booked.passenger().token(), booked.bookingId(), "mtn"), 201);
        Response cancelled = Clients.withToken(booked.passenger().token()).body("{}")
                .post("/api/v1/bookings/" + booked.bookingId() + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);

        mtn.succeed(paymentId.toString());
        assertThat(deliver("mtn", mtn.callback(paymentId.toString()))).isEqualTo("applied");
        assertThat(status("bookings", booked.bookingId())).isEqualTo("cancelled");
        assertThat(value("SELECT paid_at FROM payments WHERE id = ?", paymentId)).isNotNull();
        assertThat(seatsAvailable(booked.tripId())).isEqualTo(3);
        Map<String, Object> refund = row("SELECT amount FROM payment_refunds WHERE payment_id = ?", paymentId);
        assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo("6000");
    }

    @Test
    void concurrentInitsOfOneBookingOpenOneProviderAttempt() throws Exception {
        PaymentFixtures.Booked booked = accepted(3, 1);
        int callers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return init(booked.passenger().token(), booked.bookingId(), "wave");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("attempt_opening");
                }
            }
            assertThat(statuses).isSubsetOf(200, 201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        UUID paymentId = (UUID) value("SELECT id FROM payments WHERE booking_id = ?", booked.bookingId());
        assertThat(count("SELECT count(*) FROM payment_attempts a JOIN payments p ON p.id = a.payment_id "
                + "WHERE p.booking_id = ?", booked.bookingId())).isOne();
        assertThat(wave.sessionsFor(paymentId.toString())).hasSize(1);
    }

    @Test
    void aRetryRightAfterTheProviderWasUnavailableAsksItAgainForTheSameAttempt() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        wave.failNext("POST", "/v1/checkout/sessions", 503, 1);
        Response unavailable = init(booked.passenger().token(), booked.bookingId(), "wave");
        assertThat(unavailable.statusCode()).as(unavailable.asString()).isEqualTo(503);
        UUID paymentId = (UUID) value("SELECT id FROM payments WHERE booking_id = ?", booked.bookingId());
        UUID attempt = liveAttempt(paymentId);
        assertThat(attemptStatus(attempt)).isEqualTo("opening");

        // no lease left to wait for: the call ended, so the retry is not 409 attempt_opening
        Response retry = init(booked.passenger().token(), booked.bookingId(), "wave");
        assertThat(retry.statusCode()).as(retry.asString()).isIn(200, 201);
        assertThat(retry.jsonPath().getString("data.payment.id")).isEqualTo(paymentId.toString());
        assertThat(liveAttempt(paymentId)).as("the same attempt, under the same reference").isEqualTo(attempt);
        assertThat(attemptStatus(attempt)).isEqualTo("open");
        assertThat(wave.sessionsFor(attempt.toString())).hasSize(1);
    }

    @Test
    void anMtnCallbackNamingAMadeUpReferenceWritesNothing() {
        String madeUp = UUID.randomUUID().toString();
        String body = "{\"externalId\":\"" + madeUp + "\",\"amount\":\"5000\",\"currency\":\"XOF\","
                + "\"status\":\"SUCCESSFUL\",\"financialTransactionId\":\"123\"}";
        SignedWebhook spam = new SignedWebhook("PUT", Map.of("Content-Type", "application/json"),
                Map.of("payment_id", madeUp), body);
        // only look-ups of this reference: the payment poller may look up other tests' attempts meanwhile
        int lookUps = mtn.requests("GET", ".*/requesttopay/" + madeUp).size();
        assertThat(deliver("mtn", spam)).isEqualTo("unknown_payment");
        assertThat(count("SELECT count(*) FROM webhook_events WHERE provider = 'mtn' AND (event_id LIKE ? "
                + "OR payload::text LIKE ?)", "%" + madeUp + "%", "%" + madeUp + "%")).isZero();
        assertThat(mtn.requests("GET", ".*/requesttopay/" + madeUp)).as("no outbound look-up either").hasSize(lookUps);
    }
}
