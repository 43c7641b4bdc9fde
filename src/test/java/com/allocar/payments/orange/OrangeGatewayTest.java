package com.allocar.payments.orange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.allocar.testsupport.Refusals.reasonOf;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderConfig;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.SignedWebhook;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Orange Money adapter and notification check against the Orange stand-in, no server. */
class OrangeGatewayTest {
    private static final String CALLBACK_BASE = "https://api.allocar.test/api/v1";
    private static OrangeStandIn orange;
    private static OrangeGateway gateway;

    @BeforeAll
    static void start() {
        orange = OrangeStandIn.start();
        gateway = new OrangeGateway(orange.settings(CALLBACK_BASE), ProviderHttp.newClient(), Clock.systemUTC());
    }

    private static CheckoutRequest request(UUID paymentId) {
        return new CheckoutRequest(paymentId, new BigDecimal("3500"), "XOF", null, "trajet",
                "https://app.allocar.ci/pay/ok", "https://app.allocar.ci/pay/ko");
    }

    private static ProviderPaymentRef ref(UUID paymentId, Checkout checkout) {
        return new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("3500"), "XOF", checkout.payToken());
    }

    @Test
    void webpaymentReturnsWhatTheCallerMustStore() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId));

        assertThat(checkout.providerRef()).matches(paymentId.toString().replace("-", "") + "-[a-z0-9]{6}");
        assertThat(checkout.redirectUrl()).contains("/payment/pay_token/");
        assertThat(checkout.appData()).containsEntry("payment_url", checkout.redirectUrl());
        assertThat(checkout.payToken()).isNotBlank();
        assertThat(checkout.notifToken()).isNotBlank();
        assertThat(checkout.raw()).doesNotContain(checkout.notifToken());
        Map<String, String> order = orange.order(checkout.providerRef());
        assertThat(order).containsEntry("amount", "3500").containsEntry("currency", "OUV")
                .containsEntry("notif_url", CALLBACK_BASE + "/payments/webhook/orange?payment_id=" + paymentId);
        // each attempt has its own order id
        assertThat(gateway.start(request(paymentId)).providerRef()).isNotEqualTo(checkout.providerRef());
    }

    @Test
    void theTokenIsFetchedOnceAndAgainWhenRevoked() {
        OrangeGateway fresh = new OrangeGateway(orange.settings(CALLBACK_BASE), ProviderHttp.newClient(), Clock.systemUTC());
        int before = orange.requests("POST", OrangeStandIn.TOKEN_PATH).size();
        fresh.start(request(UUID.randomUUID()));
        fresh.start(request(UUID.randomUUID()));
        assertThat(orange.requests("POST", OrangeStandIn.TOKEN_PATH)).hasSize(before + 1);

        orange.revokeTokens();
        try {
            fresh.start(request(UUID.randomUUID()));
            assertThat(orange.requests("POST", OrangeStandIn.TOKEN_PATH).size()).isGreaterThanOrEqualTo(before + 2);
        } finally {
            gateway = new OrangeGateway(orange.settings(CALLBACK_BASE), ProviderHttp.newClient(), Clock.systemUTC());
        }
    }

    @Test
    void statusLookUpNormalisesOrangesStatuses() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId));
        ProviderPaymentRef ref = ref(paymentId, checkout);
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.pending);

        orange.pay(checkout.providerRef());
        ProviderStatus paid = gateway.lookUp(ref);
        assertThat(paid.status()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(paid.rawStatus()).isEqualTo("SUCCESS");
        assertThat(paid.providerTxnId()).startsWith("MP");
        assertThat(paid.confirms(ref)).isTrue();
        assertThat(paid.confirms(new ProviderPaymentRef(paymentId, "other-order", new BigDecimal("3500")))).isFalse();

        assertThat(OrangeGateway.status("INITIATED")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(OrangeGateway.status("PENDING")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(OrangeGateway.status("EXPIRED")).isEqualTo(ProviderPaymentStatus.expired);
        assertThat(OrangeGateway.status("FAILED")).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(OrangeGateway.status(null)).isEqualTo(ProviderPaymentStatus.pending);
    }

    @Test
    void aLookUpNeedsThePayToken() {
        assertThatThrownBy(() -> gateway.lookUp(new ProviderPaymentRef(UUID.randomUUID(), "order", BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noRefundApiSoTheWalletRefunds() {
        RefundResult refund = gateway.refund(new ProviderPaymentRef(UUID.randomUUID(), "o", BigDecimal.TEN), BigDecimal.TEN, "r");
        assertThat(refund.supported()).isFalse();
        assertThat(gateway.cancel(new ProviderPaymentRef(UUID.randomUUID(), "o", BigDecimal.TEN))).isFalse();
    }

    @Test
    void aNotificationIsGenuineOnlyWithTheStoredToken() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId));
        orange.pay(checkout.providerRef());
        NotificationTokens stored = id -> id.equals(paymentId) ? Optional.of(checkout.notifToken()) : Optional.empty();
        Instant now = Instant.now();

        SignedWebhook genuine = orange.notification(checkout.providerRef());
        VerifiedNotification notification = gateway.webhookVerifier().verify(genuine.toRequest(), now, stored);
        assertThat(notification.paymentId()).isEqualTo(paymentId.toString());
        assertThat(notification.claimedStatus()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(notification.lookUpRequired()).isTrue();
        assertThat(notification.providerTxnId()).isEqualTo(orange.order(checkout.providerRef()).get("txnid"));
        assertThat(notification.eventId()).contains(paymentId.toString()).contains("SUCCESS");

        assertThat(reasonOf(() -> gateway.webhookVerifier().verify(orange.notification(checkout.providerRef(), "forged")
                .toRequest(), now, stored))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> gateway.webhookVerifier().verify(genuine.toRequest(), now, NotificationTokens.none())))
                .isEqualTo("mismatch");
        SignedWebhook otherPayment = new SignedWebhook("POST", genuine.headers(),
                Map.of("payment_id", UUID.randomUUID().toString()), genuine.body());
        assertThat(reasonOf(() -> gateway.webhookVerifier().verify(otherPayment.toRequest(), now, stored))).isEqualTo("mismatch");
        SignedWebhook unnamed = new SignedWebhook("POST", genuine.headers(), Map.of(), genuine.body());
        assertThat(reasonOf(() -> gateway.webhookVerifier().verify(unnamed.toRequest(), now, stored))).isEqualTo("malformed");
        assertThat(reasonOf(() -> gateway.webhookVerifier().verify(genuine.withBody("{\"status\":\"SUCCESS\"}").toRequest(),
                now, stored))).isEqualTo("missing");
    }

    @Test
    void withoutCredentialsOrPublicUrlOrangeIsUnavailable() {
        OrangeSettings noCallback = OrangeSettings.from(ProviderConfig.of(Map.of("OM_API_KEY", "id", "OM_SECRET", "s",
                "OM_MERCHANT_KEY", "m")));
        assertThat(noCallback.available()).isFalse();
        OrangeSettings complete = OrangeSettings.from(ProviderConfig.of(Map.of("OM_API_KEY", "id", "OM_SECRET", "s3cret-value",
                "OM_MERCHANT_KEY", "m", "ALLOCAR_PUBLIC_API_URL", "https://api.allocar.ci/api/v1/")));
        assertThat(complete.available()).isTrue();
        assertThat(complete.callbackBase().toString()).isEqualTo("https://api.allocar.ci/api/v1");
        assertThat(complete.currency()).isEqualTo("XOF");
        assertThat(complete.toString()).doesNotContain("s3cret-value").contains("clientSecret=set");
        OrangeGateway unavailable = new OrangeGateway(noCallback, ProviderHttp.newClient(), Clock.systemUTC());
        assertThatThrownBy(() -> unavailable.start(request(UUID.randomUUID()))).isInstanceOf(ProviderUnavailableException.class);
    }

}
