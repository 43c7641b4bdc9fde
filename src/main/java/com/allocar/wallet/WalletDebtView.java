package com.allocar.wallet;

import com.allocar.platform.persistence.Resolution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A wallet debt as finance sees it. */
@Schema(name = "WalletDebt")
public record WalletDebtView(UUID id, UUID userId,
                             @Schema(description = "The reversed top-up payment") UUID paymentId,
                             @Schema(example = "3000", description = "XOF owed, whole francs") BigDecimal amount,
                             @Schema(example = "topup_disputed", description = "topup_refunded or topup_disputed")
                             String reason,
                             WalletDebtStatus status,
                             Resolution resolution,
                             Instant createdAt, Instant updatedAt) {

    public static WalletDebtView of(WalletDebt d) {
        return new WalletDebtView(d.getId(), d.getUserId(), d.getPaymentId(), WalletView.francs(d.getAmount()),
                d.getReason(), d.getStatus(), d.getResolution(),
                d.getCreatedAt(), d.getUpdatedAt());
    }
}
