package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The provider's answer to a status look-up.
 *
 * @param status        normalised status
 * @param rawStatus     the provider's own words ({@code complete/succeeded}, {@code SUCCESSFUL}, {@code EXPIRED}…)
 * @param amount        the amount the provider reports, or null when its answer has none (Orange: the look-up is
 *                      keyed by the amount we sent)
 * @param currency      {@code XOF} (sandbox currencies such as Orange's OUV or MTN's EUR are reported as the
 *                      configured currency's meaning, i.e. XOF), or null when not reported
 * @param ourReference  our payment id as the provider echoes it (Wave client_reference, MTN externalId, Stripe
 *                      metadata[payment_id]); null when the provider does not echo it (Orange)
 * @param providerRef   the attempt's provider id
 * @param providerTxnId the provider's transaction id once paid (Wave transaction_id, Orange txnid, MTN
 *                      financialTransactionId, Stripe latest charge), else null
 * @param failureReason the provider's reason for a failure (insufficient-funds, NOT_ENOUGH_FUNDS…), else null
 * @param raw           the provider's answer (JSON), for {@code payment_attempts.raw_payload}
 */
public record ProviderStatus(PaymentProvider provider, ProviderPaymentStatus status, String rawStatus,
                             BigDecimal amount, String currency, String ourReference, String providerRef,
                             String providerTxnId, String failureReason, String raw) {
    public ProviderStatus {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Whether this answer proves that {@code expected} was paid: status {@code succeeded}, and the amount,
     * currency and our reference are ours wherever the provider reports them. A {@code succeeded} answer that
     * does not match (another amount, another payment's reference) must not mark the payment paid.
     */
    public boolean confirms(ProviderPaymentRef expected) {
        return status == ProviderPaymentStatus.succeeded && matches(expected);
    }

    /** Without the raw answer, which may hold the payer's phone number (MTN). */
    @Override
    public String toString() {
        return "ProviderStatus[provider=" + provider + ", status=" + status + ", rawStatus=" + rawStatus + ", amount="
                + amount + ", currency=" + currency + ", providerRef=" + providerRef + ", failureReason="
                + failureReason + "]";
    }

    /** Whether the amount, currency, reference and provider ref reported (when reported) are the expected ones. */
    public boolean matches(ProviderPaymentRef expected) {
        return (amount == null || Amounts.same(amount, expected.amount()))
                && (currency == null || currency.equalsIgnoreCase(expected.currency()))
                && (ourReference == null || ourReference.equals(expected.paymentId().toString()))
                && (providerRef == null || providerRef.equals(expected.providerRef()));
    }
}
