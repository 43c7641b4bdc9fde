package com.allocar.payments.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.wallet.PayoutRequest;
import com.allocar.wallet.PayoutResult;
import com.allocar.wallet.PayoutUnavailableException;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Wave adapter against the Wave stand-in (WireMock speaking Wave's wire format), no server. */
class WaveGatewayTest {
    private static WaveStandIn wave;
    private static WaveGateway gateway;

    @BeforeAll
    static void start() {
        wave = WaveStandIn.start();
        gateway = new WaveGateway(wave.settings(), ProviderHttp.newClient(), Clock.systemUTC());
    }

    private static CheckoutRequest request(UUID paymentId, String amount) {
        return new CheckoutRequest(paymentId, new BigDecimal(amount), "XOF", "+2250700000001", "Abidjan → Yamoussoukro",
                "https://app.allocar.ci/pay/ok", "https://app.allocar.ci/pay/ko");
    }

    private static List<LoggedRequest> creations(UUID paymentId) {
        return wave.requests("POST", "/v1/checkout/sessions").stream()
                .filter(r -> r.getBodyAsString().contains(paymentId.toString())).toList();
    }

    @Test
    void createsASessionWithOurPaymentIdAsClientReference() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "5000"));

        assertThat(checkout.providerRef()).startsWith("cos-");
        assertThat(checkout.redirectUrl()).isEqualTo(wave.session(checkout.providerRef()).getString("wave_launch_url"));
        assertThat(checkout.appData()).containsEntry("wave_launch_url", checkout.redirectUrl());
        assertThat(checkout.status()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(checkout.reused()).isFalse();
        assertThat(checkout.expiresAt()).isNotNull();
        LoggedRequest sent = creations(paymentId).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + wave.apiKey());
        JsonObject body = Json.createReader(new StringReader(sent.getBodyAsString())).readObject();
        assertThat(body.getString("amount")).isEqualTo("5000");
        assertThat(body.getString("currency")).isEqualTo("XOF");
        assertThat(body.getString("client_reference")).isEqualTo(paymentId.toString());
        assertThat(body.getString("success_url")).isEqualTo("https://app.allocar.ci/pay/ok");
        assertThat(body.getString("error_url")).isEqualTo("https://app.allocar.ci/pay/ko");
    }

    @Test
    void anOpenSessionOfTheSamePaymentAndAmountIsReusedNotDuplicated() {
        UUID paymentId = UUID.randomUUID();
        Checkout first = gateway.start(request(paymentId, "5000"));
        Checkout again = gateway.start(request(paymentId, "5000.00"));

        assertThat(again.providerRef()).isEqualTo(first.providerRef());
        assertThat(again.reused()).isTrue();
        assertThat(creations(paymentId)).hasSize(1);
        assertThat(wave.requests("GET", "/v1/checkout/sessions/search")).isNotEmpty();
    }

    @Test
    void anotherAmountOrAnExpiredSessionGetsANewSession() {
        UUID paymentId = UUID.randomUUID();
        Checkout first = gateway.start(request(paymentId, "5000"));
        Checkout otherAmount = gateway.start(request(paymentId, "6000"));
        assertThat(otherAmount.providerRef()).isNotEqualTo(first.providerRef());

        wave.expire(otherAmount.providerRef());
        wave.expire(first.providerRef());
        Checkout fresh = gateway.start(request(paymentId, "5000"));
        assertThat(fresh.providerRef()).isNotIn(first.providerRef(), otherAmount.providerRef());
        assertThat(creations(paymentId)).hasSize(3);
    }

    @Test
    void anAlreadyPaidSessionIsReturnedAsSucceededNeverChargedTwice() {
        UUID paymentId = UUID.randomUUID();
        Checkout first = gateway.start(request(paymentId, "5000"));
        wave.pay(first.providerRef());

        Checkout again = gateway.start(request(paymentId, "5000"));
        assertThat(again.providerRef()).isEqualTo(first.providerRef());
        assertThat(again.status()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(creations(paymentId)).hasSize(1);
    }

    @Test
    void lookUpConfirmsOnlyACompleteSucceededSessionOfOurAmountAndReference() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "5000"));
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("5000"));

        ProviderStatus open = gateway.lookUp(ref);
        assertThat(open.status()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(open.confirms(ref)).isFalse();

        wave.failPayment(checkout.providerRef(), "insufficient-funds");
        ProviderStatus failedTry = gateway.lookUp(ref);
        assertThat(failedTry.status()).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(failedTry.failureReason()).isEqualTo("insufficient-funds");

        wave.pay(checkout.providerRef());
        ProviderStatus paid = gateway.lookUp(ref);
        assertThat(paid.status()).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(paid.rawStatus()).isEqualTo("complete/succeeded");
        assertThat(paid.providerTxnId()).startsWith("T");
        assertThat(paid.ourReference()).isEqualTo(paymentId.toString());
        assertThat(paid.raw()).contains(checkout.providerRef());
        assertThat(paid.confirms(ref)).isTrue();
        // the same session does not confirm another payment, nor another amount
        assertThat(paid.confirms(new ProviderPaymentRef(UUID.randomUUID(), checkout.providerRef(), new BigDecimal("5000")))).isFalse();
        assertThat(paid.confirms(new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("4000")))).isFalse();
        wave.setAmount(checkout.providerRef(), "500");
        assertThat(gateway.lookUp(ref).confirms(ref)).isFalse();
    }

    @Test
    void expiredSessionsAreExpired() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "2000"));
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("2000"));
        assertThat(gateway.cancel(ref)).isTrue();
        assertThat(gateway.lookUp(ref).status()).isEqualTo(ProviderPaymentStatus.expired);
        // an expired session cannot be expired again: Wave refuses
        assertThatThrownBy(() -> gateway.cancel(ref)).isInstanceOf(ProviderRefusedException.class)
                .satisfies(e -> assertThat(((ProviderRefusedException) e).providerCode()).isEqualTo("checkout-session-not-open"));
    }

    @Test
    void refundsWholeSessionsOnly() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "5000"));
        wave.pay(checkout.providerRef());
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("5000"));
        int before = wave.requests("POST", "/v1/checkout/sessions/.*/refund").size();

        RefundResult partial = gateway.refund(ref, new BigDecimal("2500"), "refund-1");
        assertThat(partial.outcome()).isEqualTo(RefundResult.Outcome.unsupported);
        assertThat(wave.requests("POST", "/v1/checkout/sessions/.*/refund")).hasSize(before);

        RefundResult whole = gateway.refund(ref, new BigDecimal("5000"), "refund-2");
        assertThat(whole.outcome()).isEqualTo(RefundResult.Outcome.refunded);
        assertThat(whole.amount()).isEqualByComparingTo("5000");
        assertThat(wave.refunded(checkout.providerRef())).isTrue();
        // twice: Wave refuses, nothing is paid back twice
        assertThatThrownBy(() -> gateway.refund(ref, new BigDecimal("5000"), "refund-3"))
                .isInstanceOf(ProviderRefusedException.class);
    }

    @Test
    void aRefundCarriesItsIdempotencyKeySoARepeatAnswersTheFirstRefund() {
        UUID paymentId = UUID.randomUUID();
        Checkout checkout = gateway.start(request(paymentId, "5000"));
        wave.pay(checkout.providerRef());
        ProviderPaymentRef ref = new ProviderPaymentRef(paymentId, checkout.providerRef(), new BigDecimal("5000"));
        String key = UUID.randomUUID().toString();
        assertThat(gateway.refund(ref, new BigDecimal("5000"), key).outcome()).isEqualTo(RefundResult.Outcome.refunded);
        assertThat(gateway.refund(ref, new BigDecimal("5000"), key).outcome()).isEqualTo(RefundResult.Outcome.refunded);
        List<LoggedRequest> sent = wave.requests("POST", "/v1/checkout/sessions/" + checkout.providerRef() + "/refund");
        assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("idempotency-key")).isEqualTo(key));
    }

    @Test
    void anEarlierPayoutIsFoundByItsClientReference() {
        String reference = UUID.randomUUID().toString();
        assertThat(gateway.findPayout(reference)).isEmpty();
        PayoutResult made = gateway.send(new PayoutRequest(reference, new BigDecimal("2000"), "XOF", "+2250700000001",
                null, reference, "Retrait AlloCar"));
        assertThat(gateway.findPayout(reference)).get().satisfies(found -> {
            assertThat(found.providerPayoutId()).isEqualTo(made.providerPayoutId());
            assertThat(found.status()).isEqualTo(PayoutResult.Status.succeeded);
        });
    }

    @Test
    void anUnknownSessionIsRefusedAsNotFound() {
        ProviderPaymentRef ref = new ProviderPaymentRef(UUID.randomUUID(), "cos-doesnotexist", new BigDecimal("100"));
        assertThatThrownBy(() -> gateway.lookUp(ref)).isInstanceOf(ProviderRefusedException.class)
                .satisfies(e -> {
                    ProviderRefusedException refused = (ProviderRefusedException) e;
                    assertThat(refused.notFound()).isTrue();
                    assertThat(refused.providerCode()).isEqualTo("checkout-session-not-found");
                    assertThat(refused.toApiException().code()).isEqualTo(ErrorCode.payment_failed);
                });
    }

    @Test
    void serverErrorsAndRefusedCredentialsAreUnavailable() {
        wave.failNext("GET", "/v1/checkout/sessions/search", 503, 1);
        assertThatThrownBy(() -> gateway.start(request(UUID.randomUUID(), "5000")))
                .isInstanceOf(ProviderUnavailableException.class)
                .satisfies(e -> assertThat(((ProviderUnavailableException) e).httpStatus()).isEqualTo(503));

        WaveGateway wrongKey = new WaveGateway(new WaveSettings(URI.create(wave.baseUrl()), "wrong", null, null),
                ProviderHttp.newClient(), Clock.systemUTC());
        assertThatThrownBy(() -> wrongKey.start(request(UUID.randomUUID(), "5000")))
                .isInstanceOf(ProviderUnavailableException.class)
                .satisfies(e -> {
                    ProviderUnavailableException unavailable = (ProviderUnavailableException) e;
                    assertThat(unavailable.httpStatus()).isEqualTo(401);
                    assertThat(unavailable.providerCode()).isEqualTo("invalid-auth");
                    assertThat(unavailable.getMessage()).doesNotContain("wrong");
                    assertThat(unavailable.toApiException().code()).isEqualTo(ErrorCode.service_unavailable);
                });
    }

    @Test
    void withoutKeyWaveIsUnavailableAndCallsNothing() {
        WaveGateway unconfigured = new WaveGateway(WaveSettings.from(name -> java.util.Optional.empty()),
                ProviderHttp.newClient(), Clock.systemUTC());
        assertThat(unconfigured.available()).isFalse();
        assertThatThrownBy(() -> unconfigured.start(request(UUID.randomUUID(), "5000")))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> unconfigured.send(new PayoutRequest("k", new BigDecimal("100"), null, "+2250700000001",
                "Awa", null, null))).isInstanceOf(PayoutUnavailableException.class);
    }

    @Test
    void payoutsAreIdempotentByKey() {
        String key = UUID.randomUUID().toString();
        PayoutRequest request = new PayoutRequest(key, new BigDecimal("50000"), "XOF", "+2250700000001", "Awa Traoré",
                "payout-" + key, "AlloCar payout");
        PayoutResult first = gateway.send(request);
        PayoutResult again = gateway.send(request);

        assertThat(first.providerPayoutId()).startsWith("pt-");
        assertThat(again.providerPayoutId()).isEqualTo(first.providerPayoutId());
        assertThat(first.status()).isEqualTo(PayoutResult.Status.succeeded);
        assertThat(first.amount()).isEqualByComparingTo("50000");
        List<LoggedRequest> sent = wave.requests("POST", "/v1/payout").stream()
                .filter(r -> key.equals(r.getHeader("idempotency-key"))).toList();
        assertThat(sent).hasSize(2);
        JsonObject body = Json.createReader(new StringReader(sent.get(0).getBodyAsString())).readObject();
        assertThat(body.getString("receive_amount")).isEqualTo("50000");
        assertThat(body.getString("currency")).isEqualTo("XOF");
        assertThat(body.getString("mobile")).isEqualTo("+2250700000001");
        assertThat(gateway.lookUpPayout(first.providerPayoutId()).status()).isEqualTo(PayoutResult.Status.succeeded);
    }

    @Test
    void aFailedPayoutCarriesWavesReason() {
        wave.nextPayoutStatus("failed");
        try {
            PayoutResult failed = gateway.send(new PayoutRequest(UUID.randomUUID().toString(), new BigDecimal("1000"),
                    null, "+2250700000002", "Kouamé", null, null));
            assertThat(failed.status()).isEqualTo(PayoutResult.Status.failed);
            assertThat(failed.failureReason()).isEqualTo("recipient-limit-exceeded");
        } finally {
            wave.nextPayoutStatus("succeeded");
        }
    }

    @Test
    void sessionStatusesAreNormalised() {
        assertThat(status("complete", "succeeded")).isEqualTo(ProviderPaymentStatus.succeeded);
        assertThat(status("complete", "processing")).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(status("complete", "cancelled")).isEqualTo(ProviderPaymentStatus.failed);
        assertThat(status("open", "succeeded")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("open", "processing")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("open", "cancelled")).isEqualTo(ProviderPaymentStatus.pending);
        assertThat(status("expired", "processing")).isEqualTo(ProviderPaymentStatus.expired);
        assertThat(status(null, null)).isEqualTo(ProviderPaymentStatus.pending);
    }

    private static ProviderPaymentStatus status(String checkout, String payment) {
        return new WaveSession("cos-1", null, "XOF", null, checkout, payment, null, null, null, null, "{}").status();
    }
}
