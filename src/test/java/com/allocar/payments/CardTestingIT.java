package com.allocar.payments;

import static com.allocar.payments.PaymentFixtures.accepted;
import static com.allocar.payments.PaymentFixtures.assertError;
import static com.allocar.payments.PaymentFixtures.count;
import static com.allocar.payments.PaymentFixtures.deliver;
import static com.allocar.payments.PaymentFixtures.eventually;
import static com.allocar.payments.PaymentFixtures.init;
import static com.allocar.payments.PaymentFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 8 (PAY-5 against card testing): one PaymentIntent confirmed with card after card counts every
 * failed confirmation; at the third the intent is cancelled at Stripe, and further card payments are refused.
 */
class CardTestingIT {
    private static StripeStandIn stripe;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        stripe = StripeStandIn.start();
    }

    @Test
    void threeFailedConfirmationsOfOneIntentReachTheLimitAndCancelIt() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "card");
        String intent = stripe.intentFor(paymentId.toString());
        SignedWebhook first = null;
        for (String declined : new String[] {"insufficient_funds", "do_not_honor", "stolen_card"}) {
            stripe.decline(intent, declined);
            SignedWebhook failed = stripe.webhook("payment_intent.payment_failed", intent);
            first = first == null ? failed : first;
            assertThat(deliver("stripe", failed)).isIn("applied", "already_applied");
        }
        // a delivery repeated by Stripe is the same failure, not a fourth
        assertThat(deliver("stripe", first)).isEqualTo("duplicate");
        assertThat(count("SELECT count(*) FROM card_failures WHERE user_id = ?", booked.passenger().id())).isEqualTo(3);

        eventually(() -> "canceled".equals(stripe.intent(intent).getString("status")), "the intent cancelled at Stripe");
        assertThat(stripe.requests("POST", "/v1/payment_intents/" + intent + "/cancel")).isNotEmpty();

        Response next = init(booked.passenger().token(), booked.bookingId(), "card");
        assertError(next, 429, "rate_limited");
        assertThat(next.jsonPath().getString("error.details.scope")).isEqualTo("card_failures");
        assertThat(Long.parseLong(next.getHeader("Retry-After"))).isBetween(86_000L, 86_401L);
    }

    @Test
    void twoFailedConfirmationsLeaveCardsOpen() {
        PaymentFixtures.Booked booked = accepted(3, 1);
        UUID paymentId = started(booked, "card");
        String intent = stripe.intentFor(paymentId.toString());
        for (int i = 0; i < 2; i++) {
            stripe.decline(intent, "insufficient_funds");
            deliver("stripe", stripe.webhook("payment_intent.payment_failed", intent));
        }
        assertThat(stripe.intent(intent).getString("status")).isEqualTo("requires_payment_method");
        assertThat(init(booked.passenger().token(), booked.bookingId(), "card").statusCode()).isEqualTo(201);
    }
}
