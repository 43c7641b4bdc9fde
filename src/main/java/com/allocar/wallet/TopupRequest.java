package com.allocar.wallet;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /wallet/topup}: put money in my wallet through a provider. */
public record TopupRequest(
        @NotNull @DecimalMin("100") @DecimalMax("2000000") @Digits(integer = 7, fraction = 0)
        @Schema(example = "5000", description = "XOF, whole francs, 100 to 2,000,000") BigDecimal amount,
        @NotNull @Pattern(regexp = "wave|orange|mtn|card", message = "must be one of wave, orange, mtn, card")
        @Schema(enumeration = {"wave", "orange", "mtn", "card"}) String method) {
}
