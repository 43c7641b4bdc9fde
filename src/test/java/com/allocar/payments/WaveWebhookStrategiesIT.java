package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Both of Wave's webhook proofs over HTTP (scripts/test sets {@code WAVE_WEBHOOK_STRATEGY=either}): the
 * {@code Wave-Signature} HMAC and the shared secret sent as {@code Authorization: Bearer <secret>}. The bearer is
 * the provider's, not one of our tokens: it must reach Wave's verifier, not be refused by our token check.
 */
class WaveWebhookStrategiesIT {
    private static final String WAVE = "/api/v1/payments/webhook/wave";
    private static final String SECRET = ItServer.env("WAVE_WEBHOOK_SECRET", "wave_ci_WHS_test-webhook-secret");

    /** An event that proves the delivery was verified without touching any payment (outcome ignored). */
    private static String event() {
        return "{\"id\":\"EV_" + UUID.randomUUID() + "\",\"type\":\"b2b.payment_received\",\"data\":{\"id\":\"T_1\"}}";
    }

    private static Response withBearer(String bearer, String body) {
        return Clients.anonymous().header("Authorization", "Bearer " + bearer).body(body).post(WAVE);
    }

    @Test
    void theSharedSecretBearerReachesWavesVerifier() {
        Response accepted = withBearer(SECRET, event());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.jsonPath().getString("data.outcome")).isEqualTo("ignored");
    }

    @Test
    void aWrongSharedSecretIsRefusedByWavesVerifierNotByTheTokenCheck() {
        Response refused = withBearer(SECRET + "x", event());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("webhook_invalid_signature");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("mismatch");
        Response none = Clients.anonymous().body(event()).post(WAVE);
        assertThat(none.jsonPath().getString("error.code")).isEqualTo("webhook_invalid_signature");
        assertThat(none.jsonPath().getString("error.details.reason")).isEqualTo("missing");
    }

    @Test
    void theSigningSecretStrategyStillWorks() {
        SignedWebhook signed = WaveStandIn.signed(event(), Instant.now(), SECRET);
        Response accepted = Clients.anonymous().headers(signed.headers()).body(signed.body()).post(WAVE);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.jsonPath().getString("data.outcome")).isEqualTo("ignored");
    }

    @Test
    void aBadSignatureIsRefusedEvenWithTheRightBearer() {
        SignedWebhook forged = WaveStandIn.signed(event(), Instant.now(), "not-the-secret");
        Response refused = Clients.anonymous().headers(forged.headers()).header("Authorization", "Bearer " + SECRET)
                .body(forged.body()).post(WAVE);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("webhook_invalid_signature");
    }
}
