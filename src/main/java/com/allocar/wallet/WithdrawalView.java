package com.allocar.wallet;

import com.allocar.identity.PhoneNumbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A withdrawal as its owner sees it; the phone number is masked. */
@Schema(name = "Withdrawal")
public record WithdrawalView(UUID id,
                             @Schema(example = "5000", description = "XOF, whole francs") BigDecimal amount,
                             @Schema(example = "XOF") String currency,
                             @Schema(description = "requested → processing → done | failed (money returned); needs_review: the provider "
                                     + "may have paid, finance checks and resolves it as done or failed")
                             WithdrawalStatus status,
                             PayoutProvider method,
                             @Schema(example = "+225****567") String phone,
                             @Schema(description = "The provider's reason when failed") String failureReason,
                             Instant createdAt, Instant updatedAt) {

    static WithdrawalView of(WalletWithdrawal withdrawal) {
        return new WithdrawalView(withdrawal.getId(), WalletView.francs(withdrawal.getAmount()),
                withdrawal.getCurrency(), withdrawal.getStatus(), withdrawal.getMethod(),
                PhoneNumbers.mask(withdrawal.getPhone()), withdrawal.getFailureReason(), withdrawal.getCreatedAt(),
                withdrawal.getUpdatedAt());
    }
}
