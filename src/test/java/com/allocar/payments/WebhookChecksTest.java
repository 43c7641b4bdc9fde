package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.VerifiedNotification;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The facts of a webhook (or of its look-up) must be the stored attempt's and payment's. */
class WebhookChecksTest {
    private final Payment payment = Payment.forTopup(UUID.randomUUID(), PaymentMethod.wave, BigDecimal.valueOf(5000));
    private final PaymentAttempt attempt = new PaymentAttempt(UUID.randomUUID(), PaymentProvider.wave);

    private VerifiedNotification wave(String paymentId, String amount, String currency, ProviderPaymentStatus status) {
        return new VerifiedNotification(PaymentProvider.wave, "EV_1", "checkout.session.completed", paymentId, "cos-1",
                status, amount == null ? null : new BigDecimal(amount), currency, "T1", null, false);
    }

    @Test
    void aMatchingEventPasses() {
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, "5000", "XOF", ProviderPaymentStatus.succeeded)))
                .isEmpty();
    }

    @Test
    void amountCurrencyReferenceAndProviderAreChecked() {
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, "4999", "XOF", ProviderPaymentStatus.succeeded)))
                .contains("amount");
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, null, "XOF", ProviderPaymentStatus.succeeded)))
                .contains("amount");
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, "5000", "EUR", ProviderPaymentStatus.succeeded)))
                .contains("currency");
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(UUID.randomUUID().toString(), "5000", "XOF",
                ProviderPaymentStatus.succeeded))).contains("reference");
        VerifiedNotification stripe = new VerifiedNotification(PaymentProvider.stripe, "evt_1", "payment_intent.succeeded",
                null, "pi_1", ProviderPaymentStatus.succeeded, BigDecimal.valueOf(5000), "XOF", null, null, false);
        assertThat(WebhookInbox.eventMismatch(payment, attempt, stripe)).contains("provider");
    }

    @Test
    void aRefundEventMayReportLessButNeverMoreThanPaid() {
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, "2000", "XOF", ProviderPaymentStatus.refunded))).isEmpty();
        assertThat(WebhookInbox.eventMismatch(payment, attempt, wave(null, "5001", "XOF", ProviderPaymentStatus.refunded)))
                .contains("amount");
    }

    @Test
    void aLookUpMustReportOurAmountAndReference() {
        ProviderStatus ours = new ProviderStatus(PaymentProvider.wave, ProviderPaymentStatus.succeeded, "SUCCESS",
                BigDecimal.valueOf(5000), "XOF", null, null, "T", null, "{}");
        ProviderStatus other = new ProviderStatus(PaymentProvider.wave, ProviderPaymentStatus.succeeded, "SUCCESS",
                BigDecimal.valueOf(50), "XOF", null, null, "T", null, "{}");
        ProviderStatus someoneElse = new ProviderStatus(PaymentProvider.wave, ProviderPaymentStatus.succeeded, "SUCCESS",
                null, null, UUID.randomUUID().toString(), null, "T", null, "{}");
        assertThat(WebhookInbox.lookUpMismatch(payment, attempt, ours)).isEmpty();
        assertThat(WebhookInbox.lookUpMismatch(payment, attempt, other)).contains("amount");
        assertThat(WebhookInbox.lookUpMismatch(payment, attempt, someoneElse)).contains("reference");
    }
}
