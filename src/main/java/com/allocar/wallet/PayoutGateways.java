package com.allocar.wallet;

import java.util.Optional;

/** The payout gateway of each payout provider; implemented in payments ({@code PaymentGateways}). */
@FunctionalInterface
public interface PayoutGateways {
    /** The gateway of {@code provider}: Wave only; empty for the others ({@code manual} included). */
    Optional<PayoutGateway> payouts(PayoutProvider provider);
}
