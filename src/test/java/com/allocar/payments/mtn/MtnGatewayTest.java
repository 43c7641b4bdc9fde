package com.allocar.payments.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.platform.errors.WebhookInvalidSignatureException;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.SignedWebhook;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MTN MoMo adapter and callback parser against the MTN stand-in (sandbox currency EUR), no server. */
class MtnGatewayTest {
    private static final String CALLBACK_BASE = "https://api.allocar.test/api/v1";
    private static MtnStandIn mtn;
    private static MtnGateway gateway;

    @BeforeAll
    static void start() {
        mtn = MtnStandIn.start();
        gateway = new MtnGateway(mtn.settings(CALLBACK_BASE), ProviderHttp.newClient(), Clock.systemUTC());
    }

    private static CheckoutRequest request(UUID paymentId) {
        return new CheckoutRequest(paymentId, new BigDecimal("7000"), "XOF", "+2250500000001", "Trajet Abidjan", null, null);
    }

    @Test
    void requestToPayIsKeyedByOurPaymentId() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId));

        assertThat(checkout.providerRef()).isEqualTo(paymentId.toString());
        assertThat(checkout.redirectUrl()).isNull();
        assertThat(checkout.status()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(checkout.appData()).containsEntry("reference_id", paymentId.toString());
        LoggedRequest sent = mtn.requests("POST", "/collection/v1_0/requesttopay").stream()
                .filter(r -> paymentId.toString().equals(r.getHeader("X-Reference-Id"))).findFirst().orElseThrow();
        assertThat(sent.getHeader("Authorization")).startsWith("Bearer mtn-");
        assertThat(sent.getHeader("X-Target-Environment")).isEqualTo("sandbox");
        assertThat(sent.getHeader("X-Callback-Url")).isEqualTo(CALLBACK_BASE + "/payments/webhook/mtn?payment_id=" + paymentId);
        JsonObject body = Json.createReader(new StringReader(sent.getBodyAsString())).readObject();
        assertThat(body.getString("amount")).isEqualTo("7000");
        assertThat(body.getString("currency")).isEqualTo("EUR");
        assertThat(body.getString("externalId")).isEqualTo(paymentId.toString());
        assertThat(body.getJsonObject("payer").getString("partyIdType")).isEqualTo("MSISDN");
        assertThat(body.getJsonObject("payer").getString("partyId")).isEqualTo("2250500000001");
    }

    @Test
    void aSecondStartForTheSamePaymentIsTheSameRequestNotASecondCharge() {
        UUID paymentId = UUID.randomUUID();
        gateway.start(request(paymentId));
        Checkout again = gateway.start(request(paymentId));
        assertThat(again.providerRef()).isEqualTo(paymentId.toString());
        assertThat(again.reused()).isTrue();
    }

    @Test
    void statusLookUpConfirmsOnlyASuccessfulRequestOfOurs() {
        UUID paymentId = UUID.randomUUID();
        gateway.start(request(paymentId));
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, paymentId.toString(), new BigDecimal("7000"));
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.pending);

        mtn.succeed(paymentId.toString());
        ProviderStatus paid = gateway.lookUp(ref);
        assertThat(paid.status()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(paid.currency()).isEqualTo("XOF"); // the sandbox's EUR is our configured currency
        assertThat(paid.ourReference()).isEqualTo(paymentId.toString());
        assertThat(paid.providerTxnId()).isNotBlank();
        assertThat(paid.confirms(ref)).isTrue();
        assertThat(paid.confirms(new ProviderPaymentRef(paymentId, paymentId.toString(), new BigDecimal("7500")))).isFalse();
    }

    @Test
    void aFailureCarriesMtnsReason() {
        UUID paymentId = UUID.randomUUID();
        gateway.start(request(paymentId));
        mtn.fail(paymentId.toString(), "NOT_ENOUGH_FUNDS");
        ProviderStatus failed = gateway.lookUp(new ProviderPaymentRef(paymentId, paymentId.toString(), new BigDecimal("7000")));
        assertThat(failed.status()).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(failed.failureReason()).isEqualTo("NOT_ENOUGH_FUNDS");
        assertThat(MtnGateway.reason(Json.createObjectBuilder().add("reason", Json.createObjectBuilder()
                .add("code", "PAYER_NOT_FOUND")).build())).isEqualTo("PAYER_NOT_FOUND");
    }

    @Test
    void anUnknownReferenceIsNotFound() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> gateway.lookUp(new ProviderPaymentRef(unknown, unknown.toString(), BigDecimal.TEN)))
                .isInstanceOf(ProviderRefusedException.class)
                .satisfies(e -> assertThat(((ProviderRefusedException) e).notFound()).isTrue());
    }

    @Test
    void theTokenIsCachedAndRenewedWhenRefused() {
        MtnGateway fresh = new MtnGateway(mtn.settings(null), ProviderHttp.newClient(), Clock.systemUTC());
        int before = mtn.requests("POST", "/collection/token/").size();
        UUID first = UUID.randomUUID();
        fresh.start(request(first));
        fresh.lookUp(new ProviderPaymentRef(first, first.toString(), new BigDecimal("7000")));
        assertThat(mtn.requests("POST", "/collection/token/")).hasSize(before + 1);
        // without a public URL no callback is asked for
        assertThat(mtn.request(first.toString()).isNull("callbackUrl")).isTrue();

        mtn.revokeTokens();
        fresh.lookUp(new ProviderPaymentRef(first, first.toString(), new BigDecimal("7000")));
        gateway.lookUp(new ProviderPaymentRef(first, first.toString(), new BigDecimal("7000")));
    }

    @Test
    void thePayerPhoneIsRequired() {
        CheckoutRequest noPhone = new CheckoutRequest(UUID.randomUUID(), BigDecimal.TEN, "XOF", null, null, null, null);
        assertThatThrownBy(() -> gateway.start(noPhone)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesAreNormalised() {
        assertThat(MtnGateway.status("PENDING")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(MtnGateway.status("ONGOING")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(MtnGateway.status("SUCCESSFUL")).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(MtnGateway.status("FAILED")).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(MtnGateway.status("REJECTED")).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(MtnGateway.status("TIMEOUT")).isEqualTo(ProviderPaymentStatus.expired);
        assertThat(MtnGateway.status(null)).isEqualTo(ProviderPaymentStatus.pending);
    }

    @Test
    void theCallbackIsOnlyAHint() {
        UUID paymentId = UUID.randomUUID();
        gateway.start(request(paymentId));
        mtn.succeed(paymentId.toString());
        SignedWebhook callback = mtn.callback(paymentId.toString());

        VerifiedNotification hint = gateway.webhookVerifier().verify(callback.toRequest(), Instant.now(),
                NotificationTokens.none());
        assertThat(hint.lookUpRequired()).isTrue();
        assertThat(hint.paymentId()).isEqualTo(paymentId.toString());
        assertThat(hint.claimedStatus()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(hint.currency()).isEqualTo("XOF");
        assertThat(hint.amount()).isEqualByComparingTo("7000");
        assertThat(hint.eventId()).startsWith("mtn:" + paymentId + ":SUCCESSFUL:");

        SignedWebhook byQuery = new SignedWebhook("PUT", Map.of(), Map.of("payment_id", paymentId.toString()),
                "{\"status\":\"FAILED\",\"reason\":\"APPROVAL_REJECTED\"}");
        VerifiedNotification queryHint = gateway.webhookVerifier().verify(byQuery.toRequest(), Instant.now(),
                NotificationTokens.none());
        assertThat(queryHint.paymentId()).isEqualTo(paymentId.toString());
        assertThat(queryHint.claimedStatus()).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(queryHint.failureReason()).isEqualTo("APPROVAL_REJECTED");

        SignedWebhook nameless = new SignedWebhook("PUT", Map.of(), Map.of(), "{\"status\":\"SUCCESSFUL\",\"externalId\":\"x\"}");
        assertThatThrownBy(() -> gateway.webhookVerifier().verify(nameless.toRequest(), Instant.now(), NotificationTokens.none()))
                .isInstanceOf(WebhookInvalidSignatureException.class);
    }
}
