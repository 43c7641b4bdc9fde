package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.assertError;
import static com.allocar.payments.PaymentFixtures.auditActions;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.row;
import static com.allocar.payments.PaymentFixtures.started;
import static com.allocar.payments.PaymentFixtures.status;
import static com.allocar.payments.PaymentFixtures.trip;
import static com.allocar.payments.PaymentFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 6, refunds: a Wave refund carries the refund's id as {@code idempotency-key}; one whose first send
 * went unanswered is looked up before it is sent again, and a refusal of the re-send leaves it in needs_review
 * (still counted as being refunded, never refundable again by itself) until finance resolves it.
 */
class RefundReviewIT {
    private static final String ADMIN_REFUNDS = "/api/v1/admin/payments/refunds";
    private static WaveStandIn wave;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
    }

    private static String session(UUID paymentId) {
        return wave.sessionFor(paymentId.toString()).getString("id");
    }

    /** Two passengers pay the trip's last seat by Wave: the second payment is refunded (seats_gone). */
    private static UUID secondPaymentRefunded() {
        UUID trip = trip(1);
        PaymentFixtures.Booked first = accepted(trip, 1);
        PaymentFixtures.Booked second = accepted(trip, 1);
        UUID firstPayment = started(first, "wave");
        UUID secondPayment = started(second, "wave");
        wave.pay(session(firstPayment));
        wave.pay(session(secondPayment));
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session(firstPayment)))).isEqualTo("applied");
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session(secondPayment))))
                .isEqualTo("applied");
        return secondPayment;
    }

    @Test
    void aRefundRefusedAfterAnUnansweredSendNeedsReviewAndFinanceResolvesIt() {
        wave.failNext("POST", "/v1/checkout/sessions/[^/]+/refund", 503, 1);
        wave.failNext("POST", "/v1/checkout/sessions/[^/]+/refund", 409,
                "{\"code\":\"checkout-refund-failed\",\"message\":\"The session cannot be refunded\"}", 0, 1);
        UUID payment = secondPaymentRefunded();

        eventually(() -> "needs_review".equals(value("SELECT status FROM payment_refunds WHERE payment_id = ?", payment)),
                "the retry (ALLOCAR_REFUND_RETRY_SECONDS) to be refused and put in review", 40);
        Map<String, Object> refund = row("SELECT id, status, route, attempts, last_error FROM payment_refunds "
                + "WHERE payment_id = ?", payment);
        assertThat(refund).containsEntry("route", "ORIGINAL").containsEntry("attempts", 2);
        assertThat((String) refund.get("last_error")).contains("unanswered");
        String sessionId = session(payment);
        List<LoggedRequest> sends = wave.requests("POST", "/v1/checkout/sessions/" + sessionId + "/refund");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).getHeader("idempotency-key")).isEqualTo(refund.get("id").toString())
                .isEqualTo(sends.get(1).getHeader("idempotency-key"));
        // looked up before it was sent again
        assertThat(wave.requests("GET", "/v1/checkout/sessions/" + sessionId)).isNotEmpty();
        assertThat(status("payments", payment)).isEqualTo("paid");
        assertThat((BigDecimal) row("SELECT refunded_amount FROM payments WHERE id = ?", payment).get("refunded_amount"))
                .isEqualByComparingTo("0");
        assertThat(auditActions(payment)).contains("payment.refund_needs_review").doesNotContain("payment.refund_failed");

        String finance = TestTokens.forAdmin("finance");
        JsonPath queue = Clients.withToken(finance).queryParam("status", "needs_review")
                .queryParam("payment_id", payment.toString()).get(ADMIN_REFUNDS).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("data.id", String.class)).containsExactly(refund.get("id").toString());
        assertThat(queue.getInt("data[0].amount")).isEqualTo(6000);
        assertError(Clients.withToken(TestTokens.forAdmin("support")).get(ADMIN_REFUNDS), 403, "forbidden");

        JsonPath resolved = Clients.withToken(finance)
                .body(Clients.json(Map.of("outcome", "paid", "note", "Wave portal shows the session refunded")))
                .post(ADMIN_REFUNDS + "/" + refund.get("id") + "/resolve").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("data.status")).isEqualTo("completed");
        assertThat(resolved.getString("data.resolution.note")).isEqualTo("Wave portal shows the session refunded");
        assertThat(status("payments", payment)).isEqualTo("refunded");
        assertThat((BigDecimal) row("SELECT refunded_amount FROM payments WHERE id = ?", payment).get("refunded_amount"))
                .isEqualByComparingTo("6000");
        assertThat(auditActions(payment)).contains("payment.refund_resolved");
        assertError(Clients.withToken(finance).body(Clients.json(Map.of("outcome", "failed", "note", "twice")))
                .post(ADMIN_REFUNDS + "/" + refund.get("id") + "/resolve"), 409, "conflict");
    }
}
