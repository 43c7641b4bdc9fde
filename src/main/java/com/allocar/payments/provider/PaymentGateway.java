package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import java.math.BigDecimal;

/**
 * One payment provider (Wave, Orange Money, MTN MoMo, Stripe), behind one interface; {@link PaymentGateways}
 * gives the one for a payment method. The wallet has no gateway: it pays from the balance at once.
 *
 * <p><b>Never call a gateway inside a database transaction</b>: every method but {@link #provider()},
 * {@link #available()} and {@link #webhookVerifier()} is a remote call (seconds, and it may time out). Commit
 * the attempt first, call the provider, then record the answer in a new transaction.
 *
 * <p>Failures: {@link ProviderRefusedException} (the provider said no; {@code toApiException()} gives 402
 * {@code payment_failed}) and {@link ProviderUnavailableException} (no usable answer, or the provider is not
 * configured; 503). After an unavailable {@link #start}, the outcome is unknown: calling {@code start} again for
 * the same payment is safe (Wave searches its earlier sessions, Stripe and MTN are keyed by the payment id,
 * Orange makes a new order whose predecessor nobody can pay), and {@link #lookUp} settles it.
 */
public interface PaymentGateway {

    PaymentProvider provider();

    /** Whether the provider is configured (its keys are set); an unavailable gateway throws on every call. */
    boolean available();

    /**
     * Opens a payment attempt, or returns the open (or already paid) attempt of the same payment and amount when
     * the provider can find it (Wave). Idempotent per payment id as described above.
     */
    Checkout start(CheckoutRequest request);

    /**
     * The provider's current status of an attempt (retried on unavailability). Make a payment paid only when
     * {@link ProviderStatus#confirms} the stored attempt.
     */
    ProviderStatus lookUp(ProviderPaymentRef ref);

    /**
     * Refunds {@code amount} of a paid attempt, where the provider can: Wave refunds whole sessions only (a
     * partial amount is {@code unsupported}); Stripe refunds any amount up to the payment; Orange Money and MTN
     * collections have no refund ({@code unsupported}: refund to the wallet). Nothing is sent when unsupported.
     *
     * @param idempotencyKey our id of this refund (e.g. the wallet transaction or refund row id), so that a
     *                       retried refund is not paid twice where the provider honours keys (Stripe)
     */
    RefundResult refund(ProviderPaymentRef ref, BigDecimal amount, String idempotencyKey);

    /**
     * Stops an unpaid attempt so that it can no longer be paid (Wave: expire the session; Stripe: cancel the
     * PaymentIntent). Returns false when the provider has no such call (Orange, MTN: the attempt lapses).
     */
    boolean cancel(ProviderPaymentRef ref);

    /** The check of this provider's webhooks (local, no remote call). */
    WebhookVerifier webhookVerifier();

    /**
     * Every payment the provider holds under our reference (an attempt id), as look-ups would report them, for the
     * daily reconciliation to find money we do not know of (a second paid session of one attempt). Empty when the
     * provider cannot search by our reference (only Wave can: {@code GET /v1/checkout/sessions/search}).
     */
    default java.util.Optional<java.util.List<ProviderStatus>> findByReference(String ourReference) {
        return java.util.Optional.empty();
    }

    /**
     * One page of the payments the provider made in {@code [from, to)}, {@code cursor} null for the first page, for
     * the daily reconciliation to find payments missing here. Empty when the provider has no such list (only Stripe
     * has one among ours: {@code GET /v1/payment_intents?created[gte]=…}).
     */
    default java.util.Optional<ProviderPage> listPayments(java.time.Instant from, java.time.Instant to, String cursor) {
        return java.util.Optional.empty();
    }

    /**
     * Whether {@link #lookUp} reports a payment refunded in full as {@link ProviderPaymentStatus#refunded} (Stripe,
     * from the latest charge), so that our completed refunds can be checked against it. Wave's session, Orange's and
     * MTN's statuses say nothing of refunds.
     */
    default boolean reportsRefunds() {
        return false;
    }
}
