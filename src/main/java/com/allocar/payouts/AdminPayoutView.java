package com.allocar.payouts;

import com.allocar.wallet.PayoutProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payout as finance sees it ({@code GET /admin/payouts}, the export). */
@Schema(name = "AdminPayout")
public record AdminPayoutView(UUID id, UUID driverId,
                              @Schema(description = "XOF, whole francs") BigDecimal amount, String currency,
                              PayoutStatus status, PayoutProvider provider,
                              @Schema(description = "The number paid, E.164") String recipient,
                              @Schema(description = "The provider's payout id, once known") String providerRef,
                              int attempts, String failureReason,
                              @Schema(description = "The payouts job instance (run) that made it; null when made by a "
                                      + "retry") Long jobInstanceId,
                              Instant periodStart, Instant periodEnd, Instant createdAt, Instant processedAt,
                              String reviewNote, UUID resolvedBy, Instant resolvedAt) {

    static AdminPayoutView of(Payout p) {
        return new AdminPayoutView(p.getId(), p.getDriverId(), p.getAmount().setScale(0), p.getCurrency(), p.getStatus(),
                p.getProvider(), p.getRecipient(), p.getProviderRef(), p.getAttempts(), p.getFailureReason(),
                p.getJobInstanceId(), p.getPeriodStart(), p.getPeriodEnd(), p.getCreatedAt(), p.getProcessedAt(),
                p.getReviewNote(), p.getResolvedBy(), p.getResolvedAt());
    }
}
