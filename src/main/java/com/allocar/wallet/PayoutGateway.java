package com.allocar.wallet;

/**
 * Sends money out (wallet withdrawals). Wave only for now. Owned by the wallet and implemented in payments (which
 * holds the providers), so that wallet never depends on payments. Never inside a database transaction; after an
 * unavailable {@link #send} the outcome is unknown, and sending again with the same idempotency key is safe.
 *
 * <p>Failures: {@link PayoutRefusedException} (the provider answered and said no) and
 * {@link PayoutUnavailableException} (no usable answer, or not configured).
 */
public interface PayoutGateway {
    PayoutProvider payoutProvider();

    boolean available();

    PayoutResult send(PayoutRequest request);

    PayoutResult lookUpPayout(String providerPayoutId);
}
