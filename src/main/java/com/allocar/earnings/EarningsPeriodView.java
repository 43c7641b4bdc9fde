package com.allocar.earnings;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of {@code GET /me/earnings}: what was posted to the driver's ledger in it. XOF. */
@Schema(name = "EarningsPeriod")
public record EarningsPeriodView(
        @Schema(description = "Start of the day, ISO week (Monday) or month, UTC") Instant start,
        @Schema(description = "Rides completed: fares less commission and fees") BigDecimal earned,
        @Schema(description = "Shares of fees paid by late-cancelling or absent passengers") BigDecimal compensation,
        @Schema(description = "Taken back for refunds after the ride (negative or 0)") BigDecimal reversals,
        @Schema(description = "Late-cancellation fines and disputes' charges (negative or 0)") BigDecimal fines,
        @Schema(description = "earned + compensation + reversals + fines") BigDecimal net,
        @Schema(description = "Passengers' money behind the earnings, compensation and reversals") BigDecimal gross,
        @Schema(description = "The platform's commission and fees on it") BigDecimal commissionAndFees,
        long rides) {
}
