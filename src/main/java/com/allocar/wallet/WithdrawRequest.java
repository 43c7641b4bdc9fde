package com.allocar.wallet;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /wallet/withdraw}. The minimum ({@code wallet.withdraw_minimum}), the methods that can pay out and
 * the phone number are checked by {@link WalletService#withdraw}, which names what is allowed when they are not.
 */
public record WithdrawRequest(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(WithdrawRequest.AMOUNT_MAX)
        @Digits(integer = 10, fraction = 2)
        @Schema(example = "5000", description = "XOF, whole francs; at least the setting wallet.withdraw_minimum")
        BigDecimal amount,
        @NotBlank @Size(max = 20)
        @Schema(example = "wave", description = "A payout method with a gateway (wave)") String method,
        @NotBlank @Size(max = 32)
        @Schema(example = "+2250701234567", description = "The mobile-money account, E.164 (Ivorian without +225)")
        String phone) {
    /** Far above any balance; bounds the number before any arithmetic (a withdrawal is checked against the balance). */
    static final String AMOUNT_MAX = "1000000000";
}
