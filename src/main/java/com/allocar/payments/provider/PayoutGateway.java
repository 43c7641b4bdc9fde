package com.allocar.payments.provider;

import com.allocar.payments.PayoutProvider;
import java.util.Optional;

/**
 * Sends money out (driver payouts, wallet withdrawals). Wave only for now. As for {@link PaymentGateway}: never
 * inside a database transaction; after an unavailable {@link #send} the outcome is unknown, and sending again
 * with the same idempotency key is safe.
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
