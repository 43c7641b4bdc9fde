package com.allocar.earnings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the driver's ledger ({@code GET /me/earnings/entries}). */
@Schema(name = "LedgerEntry")
public record LedgerEntryView(UUID id, LedgerKind kind,
                              @Schema(description = "XOF, signed: positive owed to the driver, negative withheld or "
                                      + "paid out") BigDecimal amount,
                              @Schema(description = "The passenger money behind it (signed), 0 for fines and payouts")
                              BigDecimal gross, BigDecimal commission, BigDecimal fees, UUID bookingId, UUID tripId,
                              @Schema(description = "The payout that settled it (or, for a payout line, the payout)")
                              UUID payoutId,
                              @Schema(description = "When it counts toward a payout") Instant availableAt,
                              String description, Instant createdAt) {

    static LedgerEntryView of(DriverLedgerEntry e) {
        return new LedgerEntryView(e.getId(), e.getKind(), francs(e.getAmount()), francs(e.getGross()),
                francs(e.getCommission()), francs(e.getFees()),
                e.getBookingId(), e.getTripId(), e.getPayoutId(), e.getAvailableAt(), e.getDescription(),
                e.getCreatedAt());
    }

    private static BigDecimal francs(BigDecimal amount) {
        return amount.setScale(0, java.math.RoundingMode.HALF_UP);
    }
}
