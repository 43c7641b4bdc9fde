package com.allocar.earnings;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the driver's payouts add up to, for the earnings summary: owned here, implemented by payouts (which sits above
 * earnings and writes its payouts into the ledger), so that earnings never imports payouts.
 */
public interface PayoutTotals {
    Totals of(UUID driverId);

    /**
     * @param inFlight scheduled or processing: taken from the balance, not yet confirmed by the provider
     * @param paid     confirmed paid, all time
     */
    record Totals(BigDecimal inFlight, BigDecimal paid) {
    }
}
