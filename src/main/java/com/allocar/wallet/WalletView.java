package com.allocar.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /wallet}: the balance (what can be spent or withdrawn now) and what is being paid out. */
@Schema(name = "Wallet")
public record WalletView(UUID id,
                         @Schema(example = "12500", description = "XOF, whole francs; available to spend or withdraw")
                         BigDecimal balance,
                         @Schema(example = "XOF") String currency,
                         @Schema(example = "5000", description = "Withdrawals already debited and still being paid out")
                         BigDecimal pendingWithdrawals,
                         Instant updatedAt) {

    static WalletView of(Wallet wallet, BigDecimal pendingWithdrawals) {
        return new WalletView(wallet.getId(), francs(wallet.getBalance()), wallet.getCurrency(),
                francs(pendingWithdrawals), wallet.getUpdatedAt());
    }

    /** numeric(12,2) columns hold whole francs: shown without decimals. */
    static BigDecimal francs(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.UNNECESSARY);
    }
}
