package com.allocar.wallet;

import java.util.Optional;

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

    /**
     * The payout made earlier with this {@code client_reference}, if the provider has one: asked before a payout
     * whose first send went unanswered is sent again, so that an earlier payout is found rather than risked twice.
     */
    Optional<PayoutResult> findPayout(String clientReference);
}
