package com.allocar.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.allocar.testsupport.Refusals.reasonOf;

import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {
    private static final String SECRET = "whsec_5f2c9b1d";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(
            new StripeSettings(URI.create("https://api.stripe.com"), "sk_test", SECRET, null));

    private static final String SUCCEEDED = """
            {"id":"evt_1OaB","object":"event","type":"payment_intent.succeeded","data":{"object":{"id":"pi_3Oab",\
            "object":"payment_intent","amount":5000,"amount_received":5000,"currency":"xof","status":"succeeded",\
            "latest_charge":"ch_3Oab","metadata":{"payment_id":"6f1c2f7e-7f5e-4a36-9a3c-3f0d1c1f5a01"}}}}""";

    private VerifiedNotification verify(SignedWebhook webhook, Instant now) {
        return verifier.verify(webhook.toRequest(), now, NotificationTokens.none());
    }


    @Test
    void aSucceededIntent() {
        VerifiedNotification event = verify(StripeStandIn.signed(SUCCEEDED, NOW, SECRET), NOW);
        assertThat(event.eventId()).isEqualTo("evt_1OaB");
        assertThat(event.claimedStatus()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(event.paymentId()).isEqualTo("6f1c2f7e-7f5e-4a36-9a3c-3f0d1c1f5a01");
        assertThat(event.providerRef()).isEqualTo("pi_3Oab");
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("5000"));
        assertThat(event.currency()).isEqualTo("XOF");
        assertThat(event.providerTxnId()).isEqualTo("ch_3Oab");
        assertThat(event.lookUpRequired()).isFalse();
    }

    @Test
    void failedRefundedAndOtherEvents() {
        StripeStandIn stripe = StripeStandIn.start();
        StripeGateway gateway = new StripeGateway(stripe.settings(), ProviderHttp.newClient());
        UUID paymentId = UUID.randomUUID();
        String intent = gateway.start(new com.allocar.payments.provider.CheckoutRequest(paymentId, new BigDecimal("8000"),
                "XOF", null, null, null, null)).providerRef();
        StripeWebhookVerifier standInVerifier = new StripeWebhookVerifier(stripe.settings());

        stripe.decline(intent, "insufficient_funds");
        VerifiedNotification failed = standInVerifier.verify(stripe.webhook("payment_intent.payment_failed", intent)
                .toRequest(), Instant.now(), NotificationTokens.none());
        assertThat(failed.claimedStatus()).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(failed.failureReason()).isEqualTo("insufficient_funds");
        assertThat(failed.paymentId()).isEqualTo(paymentId.toString());

        stripe.succeed(intent);
        gateway.refund(new com.allocar.payments.provider.ProviderPaymentRef(paymentId, intent, new BigDecimal("8000")),
                new BigDecimal("3000"), "r-" + paymentId);
        VerifiedNotification refunded = standInVerifier.verify(stripe.webhook("charge.refunded", intent).toRequest(),
                Instant.now(), NotificationTokens.none());
        assertThat(refunded.claimedStatus()).isEqualTo(ProviderPaymentStatus.refunded);
        assertThat(refunded.providerRef()).isEqualTo(intent);
        assertThat(refunded.paymentId()).isEqualTo(paymentId.toString());
        assertThat(refunded.amount()).isEqualByComparingTo("3000");

        VerifiedNotification other = standInVerifier.verify(stripe.webhook("payment_intent.created", intent).toRequest(),
                Instant.now(), NotificationTokens.none());
        assertThat(other.claimedStatus()).isNull();
        assertThat(other.eventId()).startsWith("evt_");
    }

    @Test
    void forgedStaleFutureAndMalformedDeliveriesAreRefused() {
        SignedWebhook good = StripeStandIn.signed(SUCCEEDED, NOW, SECRET);
        assertThat(reasonOf(() -> verify(good.withBody(SUCCEEDED.replace("5000", "1")), NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verify(StripeStandIn.signed(SUCCEEDED, NOW, "whsec_other"), NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verify(good, NOW.plusSeconds(301)))).isEqualTo("stale");
        assertThat(reasonOf(() -> verify(good, NOW.minusSeconds(31)))).isEqualTo("future");
        assertThat(reasonOf(() -> verify(good.withHeader("Stripe-Signature", "v1=abc"), NOW))).isEqualTo("malformed");
        assertThat(reasonOf(() -> verify(good.withHeader("Stripe-Signature", ""), NOW))).isEqualTo("missing");
        String rotated = good.headers().get("Stripe-Signature") + ",v1=" + "0".repeat(64);
        assertThat(verify(good.withHeader("Stripe-Signature", rotated), NOW).eventId()).isEqualTo("evt_1OaB");
    }

    @Test
    void withoutSecretWebhooksAreUnavailable() {
        StripeWebhookVerifier unconfigured = new StripeWebhookVerifier(
                new StripeSettings(URI.create("https://api.stripe.com"), "sk_test", null, null));
        assertThatThrownBy(() -> unconfigured.verify(StripeStandIn.signed(SUCCEEDED, NOW, SECRET).toRequest(), NOW,
                NotificationTokens.none())).isInstanceOf(ServiceUnavailableException.class);
    }
}
