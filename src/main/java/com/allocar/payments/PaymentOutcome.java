package com.allocar.payments;

import java.util.UUID;

/**
 * Fired in the transaction that decided what became of a payment ({@code paid}, {@code failed}, {@code refunded},
 * {@code mismatch}); counted by {@link PaymentMetrics} once that transaction commits.
 */
public record PaymentOutcome(UUID paymentId, PaymentMethod method, String outcome) {
}
