package com.allocar.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /wallet}: the balance (what can be spent now), the part of it that can be withdrawn now, and what is
 * being paid out.
 */
@Schema(name = "Wallet")
public record WalletView(UUID id,
                         @Schema(example = "12500", description = "XOF, whole francs; available to spend")
                         BigDecimal balance,
                         @Schema(example = "7500", description = "XOF: the balance less card top-ups still on hold "
                                 + "(setting wallet.card_hold_days); 0 while the wallet owes a reversed top-up")
                         BigDecimal withdrawable,
                         @Schema(example = "XOF") String currency,
                         @Schema(example = "5000", description = "Withdrawals already debited and still being paid out")
                         BigDecimal pendingWithdrawals,
                         Instant updatedAt) {

    static WalletView of(Wallet wallet, BigDecimal withdrawable, BigDecimal pendingWithdrawals) {
        return new WalletView(wallet.getId(), francs(wallet.getBalance()), francs(withdrawable), wallet.getCurrency(),
                francs(pendingWithdrawals), wallet.getUpdatedAt());
    }

    /** numeric(12,2) columns hold whole francs: shown without decimals. */
    static BigDecimal francs(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.UNNECESSARY);
    }
}
