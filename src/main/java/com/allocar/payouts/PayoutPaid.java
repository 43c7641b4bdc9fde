package com.allocar.payouts;

import java.math.BigDecimal;
import java.util.UUID;

/** A payout was confirmed paid (by the provider or by finance); fired inside that transaction (notifications). */
public record PayoutPaid(UUID payoutId, UUID driverId, BigDecimal amount) {
}
