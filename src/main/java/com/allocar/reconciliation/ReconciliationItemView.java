package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One difference of a run. */
@Schema(name = "ReconciliationItem")
public record ReconciliationItemView(
        UUID id,
        UUID runId,
        DifferenceKind kind,
        @Schema(description = "What of ours it is about: a payment (one of its attempts), a refund, a driver payout "
                + "or a wallet withdrawal")
        RecordType recordType,
        PaymentProvider provider,
        UUID paymentId,
        @Schema(description = "Our attempt at the provider") UUID attemptId,
        UUID refundId,
        @Schema(description = "The driver payout (record type payout)") UUID payoutId,
        @Schema(description = "The wallet withdrawal (record type withdrawal)") UUID withdrawalId,
        @Schema(description = "Our reference at the provider (the attempt, payout or withdrawal id); null for "
                + "missing_here") String ourRef,
        @Schema(description = "The provider's id (Wave session, Stripe intent, Orange order, MTN reference, or the "
                + "webhook event id)") String providerRef,
        @Schema(description = "XOF, whole francs") BigDecimal ourAmount,
        @Schema(description = "Payment/attempt status here, e.g. init/open") String ourStatus,
        @Schema(description = "XOF, whole francs, as the provider reports it") BigDecimal providerAmount,
        @Schema(description = "Normalised status and the provider's words, e.g. succeeded (complete/succeeded)")
        String providerStatus,
        @Schema(description = "Whether the run repaired it through the webhook path") boolean repaired,
        @Schema(description = "What the run did, or what finance should do") String action,
        Instant createdAt) {

    static ReconciliationItemView of(ReconciliationItem item) {
        return new ReconciliationItemView(item.getId(), item.getRunId(), item.getKind(), item.getRecordType(),
                item.getProvider(), item.getPaymentId(), item.getAttemptId(), item.getRefundId(), item.getPayoutId(),
                item.getWithdrawalId(), item.getOurRef(),
                item.getProviderRef(), whole(item.getOurAmount()), item.getOurStatus(), whole(item.getProviderAmount()),
                item.getProviderStatus(), item.isRepaired(), item.getAction(), item.getCreatedAt());
    }

    private static BigDecimal whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.HALF_UP);
    }
}
