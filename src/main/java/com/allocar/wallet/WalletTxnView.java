package com.allocar.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One movement of the caller's balance ({@code GET /wallet/txns}); {@code amount} is never negative. */
@Schema(name = "WalletTxn")
public record WalletTxnView(UUID id, WalletTxnType type,
                            @Schema(example = "5000", description = "XOF, whole francs; the type gives the direction")
                            BigDecimal amount,
                            WalletTxnSource source, WalletTxnStatus status,
                            @Schema(description = "The balance once this movement completed") BigDecimal balanceAfter,
                            @Schema(example = "withdrawal", description = "What ref_id is: payment, booking, withdrawal…")
                            String refType,
                            UUID refId, String description, Instant createdAt) {

    static WalletTxnView of(WalletTxn txn) {
        return new WalletTxnView(txn.getId(), txn.getType(), WalletView.francs(txn.getAmount()), txn.getSource(),
                txn.getStatus(), WalletView.francs(txn.getBalanceAfter()), txn.getRefType(), txn.getRefId(),
                txn.getDescription(), txn.getCreatedAt());
    }
}
