package com.allocar.payments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /payments/init}: pay one of my accepted bookings; the amount is the server's. */
public record InitPaymentRequest(
        @NotNull UUID bookingId,
        @NotNull @Pattern(regexp = "wave|orange|mtn|card|wallet", message = "must be one of wave, orange, mtn, card, wallet")
        @Schema(enumeration = {"wave", "orange", "mtn", "card", "wallet"}) String method) {

    public PaymentMethod paymentMethod() {
        return PaymentMethod.valueOf(method);
    }
}
