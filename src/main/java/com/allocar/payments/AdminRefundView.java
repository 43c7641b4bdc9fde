package com.allocar.payments;

import com.allocar.platform.persistence.Resolution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refund as finance sees it. */
@Schema(name = "AdminRefund")
public record AdminRefundView(UUID id, UUID paymentId,
                              @Schema(description = "The payer, to whom a MANUAL refund is paid out") UUID payerId,
                              PaymentMethod method,
                              @Schema(example = "6000", description = "XOF, whole francs") BigDecimal amount,
                              RefundRoute route, RefundStatus status,
                              @Schema(example = "seats_gone") String reason,
                              String providerRefundId, int attempts,
                              @Schema(description = "Why it is in review, or the provider's last error") String lastError,
                              Resolution resolution,
                              Instant createdAt, Instant updatedAt) {

    static AdminRefundView of(PaymentRefund refund, Payment payment) {
        return new AdminRefundView(refund.getId(), refund.getPaymentId(), payment.getUserId(), payment.getMethod(),
                refund.getAmount().setScale(0, java.math.RoundingMode.UNNECESSARY), refund.getRoute(),
                refund.getStatus(), refund.getReason(), refund.getProviderRefundId(), refund.getAttempts(),
                refund.getLastError(), refund.getResolution(),
                refund.getCreatedAt(), refund.getUpdatedAt());
    }
}
