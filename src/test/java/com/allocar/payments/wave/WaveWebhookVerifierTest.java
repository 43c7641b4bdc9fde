package com.allocar.payments.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.allocar.testsupport.Refusals.reasonOf;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.platform.errors.WebhookInvalidSignatureException;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.WaveStandIn;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaveWebhookVerifierTest {
    private static final String SECRET = "wave_ci_WHS_xz4m6g8rjs9bshxy05xj4khcvjv7j3hcp4fbpvv6met0zdrjvezg";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String COMPLETED = """
            {"id":"EV_5Yh3Vq","type":"checkout.session.completed","data":{"id":"cos-18qq25rgr100a","amount":"5000",\
            "checkout_status":"complete","client_reference":"6f1c2f7e-7f5e-4a36-9a3c-3f0d1c1f5a01","currency":"XOF",\
            "last_payment_error":null,"payment_status":"succeeded","transaction_id":"TCN4Y4ZC3FM",\
            "wave_launch_url":"https://pay.wave.com/c/cos-18qq25rgr100a","when_completed":"2026-03-01T09:59:50Z"}}""";

    private final WaveWebhookVerifier verifier = new WaveWebhookVerifier(
            new WaveSettings(URI.create("https://api.wave.com"), "key", SECRET, WaveSettings.WebhookStrategy.signing_secret));

    private VerifiedNotification verify(SignedWebhook webhook, Instant now) {
        return verifier.verify(webhook.toRequest(), now, NotificationTokens.none());
    }


    @Test
    void aSignedCompletedSessionIsAPaymentClaim() {
        VerifiedNotification event = verify(WaveStandIn.signed(COMPLETED, NOW.minusSeconds(2), SECRET), NOW);
        assertThat(event.provider()).isEqualTo(PaymentProvider.wave);
        assertThat(event.eventId()).isEqualTo("EV_5Yh3Vq");
        assertThat(event.eventType()).isEqualTo("checkout.session.completed");
        assertThat(event.paymentId()).isEqualTo("6f1c2f7e-7f5e-4a36-9a3c-3f0d1c1f5a01");
        assertThat(event.providerRef()).isEqualTo("cos-18qq25rgr100a");
        assertThat(event.claimedStatus()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("5000"));
        assertThat(event.currency()).isEqualTo("XOF");
        assertThat(event.providerTxnId()).isEqualTo("TCN4Y4ZC3FM");
        assertThat(event.lookUpRequired()).isFalse();
        assertThat(event.aboutPayment()).isTrue();
    }

    @Test
    void theHeaderIsFoundWhateverItsCase() {
        SignedWebhook webhook = WaveStandIn.signed(COMPLETED, NOW, SECRET);
        WebhookRequest lower = WebhookRequest.of(Map.of("wave-signature", webhook.headers().get("Wave-Signature")),
                Map.of(), COMPLETED.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(lower, NOW, NotificationTokens.none()).eventId()).isEqualTo("EV_5Yh3Vq");
    }

    @Test
    void aFailedTryInAnOpenSessionIsStillPending() {
        String failed = COMPLETED.replace("checkout.session.completed", "checkout.session.payment_failed")
                .replace("\"complete\"", "\"open\"").replace("\"succeeded\"", "\"cancelled\"")
                .replace("\"last_payment_error\":null", "\"last_payment_error\":{\"code\":\"insufficient-funds\",\"message\":\"x\"}");
        VerifiedNotification event = verify(WaveStandIn.signed(failed, NOW, SECRET), NOW);
        assertThat(event.claimedStatus()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(event.failureReason()).isEqualTo("insufficient-funds");
    }

    @Test
    void otherEventsAreVerifiedButClaimNothing() {
        String payout = "{\"id\":\"EV_p1\",\"type\":\"b2b.payment_received\",\"data\":{\"id\":\"T_1\"}}";
        VerifiedNotification event = verify(WaveStandIn.signed(payout, NOW, SECRET), NOW);
        assertThat(event.eventId()).isEqualTo("EV_p1");
        assertThat(event.claimedStatus()).isNull();
        assertThat(event.aboutPayment()).isFalse();
    }

    @Test
    void forgedStaleFutureAndMalformedDeliveriesAreRefused() {
        SignedWebhook good = WaveStandIn.signed(COMPLETED, NOW, SECRET);
        assertThat(reasonOf(() -> verify(good.withBody(COMPLETED.replace("5000", "50")), NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verify(WaveStandIn.signed(COMPLETED, NOW, "another-secret"), NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verify(good, NOW.plusSeconds(301)))).isEqualTo("stale");
        assertThat(reasonOf(() -> verify(good, NOW.minusSeconds(31)))).isEqualTo("future");
        assertThat(reasonOf(() -> verify(good.withHeader("Wave-Signature", "t=abc"), NOW))).isEqualTo("malformed");
        assertThat(reasonOf(() -> verifier.verify(WebhookRequest.of(Map.of(), Map.of(),
                COMPLETED.getBytes(StandardCharsets.UTF_8)), NOW, NotificationTokens.none()))).isEqualTo("missing");
        // a genuine signature over something that is not an event
        assertThat(reasonOf(() -> verify(WaveStandIn.signed("[1,2]", NOW, SECRET), NOW))).isEqualTo("malformed");
    }

    @Test
    void sharedSecretStrategyComparesTheBearer() {
        WaveWebhookVerifier shared = new WaveWebhookVerifier(new WaveSettings(URI.create("https://api.wave.com"), "key",
                SECRET, WaveSettings.WebhookStrategy.shared_secret));
        byte[] body = COMPLETED.getBytes(StandardCharsets.UTF_8);
        assertThat(shared.verify(WebhookRequest.of(Map.of("Authorization", "Bearer " + SECRET), Map.of(), body), NOW,
                NotificationTokens.none()).eventId()).isEqualTo("EV_5Yh3Vq");
        assertThatThrownBy(() -> shared.verify(WebhookRequest.of(Map.of("Authorization", "Bearer " + SECRET + "x"),
                Map.of(), body), NOW, NotificationTokens.none())).isInstanceOf(WebhookInvalidSignatureException.class);
        assertThatThrownBy(() -> shared.verify(WebhookRequest.of(Map.of(), Map.of(), body), NOW, NotificationTokens.none()))
                .isInstanceOf(WebhookInvalidSignatureException.class);
        // with that strategy a Wave-Signature alone proves nothing
        SignedWebhook signed = WaveStandIn.signed(COMPLETED, NOW, SECRET);
        assertThatThrownBy(() -> shared.verify(signed.toRequest(), NOW, NotificationTokens.none()))
                .isInstanceOf(WebhookInvalidSignatureException.class);
    }

    /** A delivery proved by the shared-secret strategy only: {@code Authorization: Bearer <bearer>}. */
    private static WebhookRequest withBearer(String bearer) {
        return WebhookRequest.of(Map.of("Authorization", "Bearer " + bearer), Map.of(),
                COMPLETED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eitherStrategyTakesEachProofAndHoldsASignedDeliveryToItsSignature() {
        WaveWebhookVerifier either = new WaveWebhookVerifier(new WaveSettings(URI.create("https://api.wave.com"), "key",
                SECRET, WaveSettings.WebhookStrategy.either));
        assertThat(either.verify(withBearer(SECRET), NOW, NotificationTokens.none()).eventId()).isEqualTo("EV_5Yh3Vq");
        assertThat(either.verify(WaveStandIn.signed(COMPLETED, NOW, SECRET).toRequest(), NOW, NotificationTokens.none())
                .eventId()).isEqualTo("EV_5Yh3Vq");
        assertThat(reasonOf(() -> either.verify(withBearer(SECRET + "x"), NOW, NotificationTokens.none())))
                .isEqualTo("mismatch");
        SignedWebhook forged = WaveStandIn.signed(COMPLETED, NOW, "another-secret").withHeader("Authorization",
                "Bearer " + SECRET);
        assertThat(reasonOf(() -> either.verify(forged.toRequest(), NOW, NotificationTokens.none())))
                .as("a bad signature, whatever else the delivery carries").isEqualTo("mismatch");
    }

    @Test
    void theSigningStrategyIgnoresABearer() {
        assertThat(reasonOf(() -> verifier.verify(withBearer(SECRET), NOW, NotificationTokens.none()))).isEqualTo("missing");
    }

    @Test
    void withoutSecretWebhooksAreUnavailableNotAccepted() {
        WaveWebhookVerifier unconfigured = new WaveWebhookVerifier(new WaveSettings(URI.create("https://api.wave.com"),
                "key", null, null));
        assertThatThrownBy(() -> unconfigured.verify(WaveStandIn.signed(COMPLETED, NOW, SECRET).toRequest(), NOW,
                NotificationTokens.none())).isInstanceOf(ServiceUnavailableException.class);
    }
}
