package com.allocar.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.RefundResult;
import com.allocar.testsupport.StripeStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against the Stripe stand-in, no server. */
class StripeGatewayTest {
    private static StripeStandIn stripe;
    private static StripeGateway gateway;

    @BeforeAll
    static void start() {
        stripe = StripeStandIn.start();
        gateway = new StripeGateway(stripe.settings(), ProviderHttp.newClient());
    }

    private static CheckoutRequest request(UUID paymentId, String amount) {
        return new CheckoutRequest(paymentId, new BigDecimal(amount), "XOF", null, "AlloCar booking", null, null);
    }

    @Test
    void aPaymentIntentInWholeFrancsKeyedByOurPaymentId() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "5000"));

        assertThat(checkout.providerRef()).startsWith("pi_");
        assertThat(checkout.redirectUrl()).isNull();
        assertThat(checkout.appData().get("client_secret")).startsWith(checkout.providerRef() + "_secret_");
        assertThat(checkout.raw()).doesNotContain("client_secret").contains(checkout.providerRef());
        assertThat(checkout.toString()).doesNotContain("secret_");
        assertThat(checkout.status()).isEqualTo(ProviderPaymentStatus.pending);
        List<LoggedRequest> sent = stripe.requests("POST", "/v1/payment_intents").stream()
                .filter(r -> paymentId.toString().equals(r.getHeader("Idempotency-Key"))).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sent.get(0).getBodyAsString()).contains("amount=5000&currency=xof&metadata%5Bpayment_id%5D=" + paymentId);
    }

    @Test
    void aRepeatedStartReturnsTheSameIntent() {
        UUID paymentId = UUID.randomUUID();
        Checkout first = gateway.start(request(paymentId, "5000"));
        Checkout again = gateway.start(request(paymentId, "5000"));
        assertThat(again.providerRef()).isEqualTo(first.providerRef());
        // the same key with another amount is refused by Stripe
        assertThatThrownBy(() -> gateway.start(request(paymentId, "6000"))).isInstanceOf(ProviderRefusedException.class)
                .satisfies(e -> assertThat(((ProviderRefusedException) e).providerCode()).isEqualTo("idempotency_error"));
    }

    @Test
    void lookUpFollowsTheIntent() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "12000"));
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("12000"));
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.pending);

        stripe.decline(checkout.providerRef(), "insufficient_funds");
        ProviderStatus declined = gateway.lookUp(ref);
        assertThat(declined.status()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(declined.failureReason()).isEqualTo("insufficient_funds");

        stripe.succeed(checkout.providerRef());
        ProviderStatus paid = gateway.lookUp(ref);
        assertThat(paid.status()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(paid.currency()).isEqualTo("XOF");
        assertThat(paid.ourReference()).isEqualTo(paymentId.toString());
        assertThat(paid.providerTxnId()).startsWith("ch_");
        assertThat(paid.raw()).doesNotContain("client_secret");
        assertThat(paid.confirms(ref)).isTrue();
    }

    @Test
    void refundsAnyAmountUpToThePayment() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "10000"));
        stripe.succeed(checkout.providerRef());
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("10000"));

        RefundResult part = gateway.refund(ref, new BigDecimal("4000"), "refund-" + paymentId + "-1");
        assertThat(part.outcome()).isEqualTo(RefundResult.Outcome.refunded);
        assertThat(part.providerRefundId()).startsWith("re_");
        assertThat(part.amount()).isEqualByComparingTo("4000");
        // a retried refund with the same key is not paid twice
        RefundResult retried = gateway.refund(ref, new BigDecimal("4000"), "refund-" + paymentId + "-1");
        assertThat(retried.providerRefundId()).isEqualTo(part.providerRefundId());
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.succeeded);

        gateway.refund(ref, new BigDecimal("6000"), "refund-" + paymentId + "-2");
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.refunded);
        assertThatThrownBy(() -> gateway.refund(ref, new BigDecimal("1"), "refund-" + paymentId + "-3"))
                .isInstanceOf(ProviderRefusedException.class);
    }

    @Test
    void cancelEndsAnUnpaidIntent() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "1000"));
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("1000"));
        assertThat(gateway.cancel(ref)).isTrue();
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.failed);
    }

    @Test
    void statusesAreNormalised() {
        assertThat(status("requires_payment_method", false)).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("requires_action", false)).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("processing", false)).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("succeeded", false)).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(status("succeeded", true)).isEqualTo(ProviderPaymentStatus.refunded);
        assertThat(status("canceled", false)).isEqualTo(ProviderPaymentStatus.failed);
    }

    private static ProviderPaymentStatus status(String status, boolean refunded) {
        return new StripeIntent("pi_1", status, null, null, "XOF", null, null, null, refunded, null, null).normalized();
    }
}
