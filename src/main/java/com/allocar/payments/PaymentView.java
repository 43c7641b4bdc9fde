package com.allocar.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment as its payer sees it (GET /payments/{id}, data.payment of POST /payments/init and /wallet/topup). */
@Schema(name = "Payment")
public record PaymentView(
        UUID id,
        @Schema(enumeration = {"booking", "topup"}) String purpose,
        @Schema(description = "Set when the purpose is booking") UUID bookingId,
        @Schema(enumeration = {"wave", "orange", "mtn", "card", "wallet"}) String method,
        @Schema(enumeration = {"init", "authorized", "paid", "failed", "refunded"}) String status,
        @Schema(example = "12000", description = "XOF, whole francs, computed by the server: what the payer pays (the "
                + "fare less any promo discount)") BigDecimal amount,
        @Schema(example = "0", description = "The promo code's discount on the fare, XOF, borne by the platform (0 "
                + "without a promo code)") BigDecimal discount,
        @Schema(example = "XOF") String currency,
        @Schema(description = "Given back so far (status refunded: full when equal to amount, else partial)")
        BigDecimal refundedAmount,
        @Schema(description = "The provider's id of this attempt (Wave cos-…, Stripe pi_…, MTN reference, Orange order)")
        String providerRef,
        @Schema(description = "Why it failed, when it did (provider's code)") String failureReason,
        Instant createdAt,
        Instant paidAt,
        Instant refundedAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.getId(), payment.getPurpose().name(),
                payment.getBooking() == null ? null : payment.getBooking().getId(), payment.getMethod().name(),
                payment.getStatus().name(), whole(payment.getAmount()), whole(payment.getDiscount()), payment.getCurrency(),
                whole(payment.getRefundedAmount()), payment.getProviderRef(), payment.getFailureReason(),
                payment.getCreatedAt(), payment.getPaidAt(), payment.getRefundedAt());
    }

    private static BigDecimal whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, java.math.RoundingMode.HALF_UP);
    }
}
