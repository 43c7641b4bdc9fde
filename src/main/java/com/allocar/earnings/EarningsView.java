package com.allocar.earnings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /me/earnings}: the driver's balance and what it is made of, by period. XOF, whole francs. */
@Schema(name = "Earnings")
public record EarningsView(
        @Schema(description = "Can be paid out now: entries past their hold, less fines, reversals and payouts "
                + "(negative while fines exceed earnings)") BigDecimal available,
        @Schema(description = "Earned, still within the hold after the ride (payouts.hold_hours)") BigDecimal pending,
        @Schema(description = "In payouts being sent (scheduled or processing)") BigDecimal inPayout,
        @Schema(description = "Paid out, all time") BigDecimal paid,
        @Schema(description = "The smallest payout (payouts.minimum)") BigDecimal payoutMinimum,
        @Schema(description = "Hours an earning waits after the ride before it can be paid out") long holdHours,
        String currency,
        @Schema(description = "The period asked (period parameter), its start and end") Instant periodStart,
        Instant periodEnd,
        @Schema(description = "day, week or month") String groupBy,
        @Schema(description = "Oldest first; only periods with movements") List<EarningsPeriodView> periods) {
}
