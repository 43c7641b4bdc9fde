package com.allocar.wallet;

import com.allocar.platform.persistence.Resolution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A withdrawal as finance sees it: the whole number it pays to, the provider's reference and any resolution. */
@Schema(name = "AdminWithdrawal")
public record AdminWithdrawalView(UUID id, UUID userId,
                                  @Schema(example = "5000", description = "XOF, whole francs") BigDecimal amount,
                                  @Schema(example = "XOF") String currency,
                                  WithdrawalStatus status,
                                  @Schema(example = "wave") String method,
                                  @Schema(example = "+2250701234567") String phone,
                                  @Schema(description = "The provider's payout id, when it gave one") String providerRef,
                                  @Schema(description = "Why it failed or needs review") String failureReason,
                                  int attempts,
                                  Resolution resolution,
                                  Instant createdAt, Instant updatedAt) {

    public static AdminWithdrawalView of(WalletWithdrawal w) {
        return new AdminWithdrawalView(w.getId(), w.getUserId(), WalletView.francs(w.getAmount()), w.getCurrency(),
                w.getStatus(), w.getMethod().name(), w.getPhone(), w.getProviderRef(), w.getFailureReason(), w.getAttempts(),
                w.getResolution(), w.getCreatedAt(), w.getUpdatedAt());
    }
}
