package com.allocar.payouts;

import com.allocar.notifications.LogMask;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the driver's payouts ({@code GET /me/payouts}). */
@Schema(name = "Payout")
public record PayoutView(UUID id,
                         @Schema(description = "XOF, whole francs, what the driver receives") BigDecimal amount,
                         String currency, PayoutStatus status,
                         @Schema(description = "The mobile-money number paid, masked") String recipient,
                         @Schema(description = "The earliest and latest ledger entries it settled") Instant periodStart,
                         Instant periodEnd,
                         @Schema(description = "Why it failed (failed), or the last error") String failureReason,
                         Instant createdAt,
                         @Schema(description = "When it was paid or failed") Instant processedAt) {

    static PayoutView of(Payout payout) {
        return new PayoutView(payout.getId(), payout.getAmount().setScale(0), payout.getCurrency(), payout.getStatus(),
                payout.getRecipient() == null ? null : LogMask.phone(payout.getRecipient()), payout.getPeriodStart(),
                payout.getPeriodEnd(), payout.getStatus() == PayoutStatus.failed ? payout.getFailureReason() : null,
                payout.getCreatedAt(), payout.getProcessedAt());
    }
}
