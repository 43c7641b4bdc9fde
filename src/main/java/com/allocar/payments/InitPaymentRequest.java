package com.allocar.payments;

import com.allocar.promos.PromoAdmin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /payments/init}: pay one of my accepted bookings, with a promo code or not; the amount is the server's. */
public record InitPaymentRequest(
        @NotNull UUID bookingId,
        @NotNull @Pattern(regexp = "wave|orange|mtn|card|wallet", message = "must be one of wave, orange, mtn, card, wallet")
        @Schema(enumeration = {"wave", "orange", "mtn", "card", "wallet"}) String method,
        @Pattern(regexp = PromoAdmin.CODE_PATTERN, message = "must be 3 to 32 letters, digits, - or _")
        @Schema(description = "A promo code to apply (case-insensitive); see POST /promos/validate") String promoCode) {

    public PaymentMethod paymentMethod() {
        return PaymentMethod.valueOf(method);
    }
}
