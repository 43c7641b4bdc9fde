package com.allocar.earnings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry to post: who, what, how much (signed, whole francs) and how the passenger money behind it split, what
 * caused it (the unique {@code causeKey} makes a second posting of the same cause do nothing), and when it counts
 * toward a payout.
 */
public record LedgerPosting(UUID driverId, LedgerKind kind, BigDecimal amount, BigDecimal gross, BigDecimal commission,
                            BigDecimal fees, UUID bookingId, UUID tripId, UUID paymentId, UUID penaltyId,
                            UUID payoutId, String causeKey, Instant availableAt, String description) {
    public LedgerPosting {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(causeKey, "causeKey");
        Objects.requireNonNull(availableAt, "availableAt");
        amount = francs(amount);
        gross = francs(gross);
        commission = francs(commission);
        fees = francs(fees);
        boolean split = kind == LedgerKind.earning || kind == LedgerKind.cancellation_compensation
                || kind == LedgerKind.reversal;
        if (split && gross.compareTo(commission.add(fees).add(amount)) != 0) {
            throw new IllegalArgumentException("gross " + gross + " is not commission + fees + amount");
        }
    }

    private static BigDecimal francs(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.setScale(0, RoundingMode.UNNECESSARY);
    }
}
