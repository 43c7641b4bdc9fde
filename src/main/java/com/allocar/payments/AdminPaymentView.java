package com.allocar.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as finance sees it ({@code GET /admin/payments}): the payer and the platform's take as well. */
@Schema(name = "AdminPayment")
public record AdminPaymentView(
        UUID id,
        PaymentPurpose purpose,
        @Schema(description = "Set when the purpose is booking") UUID bookingId,
        @Schema(description = "The payer") UUID userId,
        PaymentMethod method,
        PaymentStatus status,
        @Schema(example = "12000", description = "XOF, whole francs: what the payer paid") BigDecimal amount,
        @Schema(example = "0", description = "The promo discount on the fare, borne by the platform; commission and "
                + "fees are on the fare (amount + discount)") BigDecimal discount,
        @Schema(description = "The promo redemption behind the discount") UUID promoRedemptionId,
        @Schema(example = "XOF") String currency,
        @Schema(description = "The platform's commission (percent part)") BigDecimal commission,
        @Schema(description = "The platform's fixed fee") BigDecimal fees,
        BigDecimal refundedAmount,
        @Schema(description = "The provider's id of the attempt that paid it, else of its latest attempt")
        String providerRef,
        @Schema(description = "The provider's transaction id once paid") String providerTxnId,
        String failureReason,
        Instant createdAt,
        Instant paidAt,
        Instant refundedAt,
        Instant failedAt) {

    static AdminPaymentView of(Payment payment) {
        return new AdminPaymentView(payment.getId(), payment.getPurpose(),
                payment.getBooking() == null ? null : payment.getBooking().getId(), payment.getUserId(),
                payment.getMethod(), payment.getStatus(), whole(payment.getAmount()), whole(payment.getDiscount()),
                payment.getPromoRedemptionId(), payment.getCurrency(),
                whole(payment.getCommission()), whole(payment.getFees()), whole(payment.getRefundedAmount()),
                payment.getProviderRef(), payment.getProviderTxnId(), payment.getFailureReason(),
                payment.getCreatedAt(), payment.getPaidAt(), payment.getRefundedAt(), payment.getFailedAt());
    }

    private static BigDecimal whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.HALF_UP);
    }
}
