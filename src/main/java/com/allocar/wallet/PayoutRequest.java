package com.allocar.wallet;

import com.allocar.notifications.LogMask;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Money sent to a mobile-money wallet (driver payouts, wallet withdrawals).
 *
 * @param idempotencyKey our id of the transfer (payout or withdrawal id): the same key never pays twice
 * @param amount         what the recipient receives, whole francs
 * @param mobile         the recipient's E.164 phone number
 * @param name           the recipient's name as the provider may check it
 * @param clientReference our reference shown in the provider's records (e.g. the payout id), may be null
 * @param reason         a short text for the recipient, may be null
 */
public record PayoutRequest(String idempotencyKey, BigDecimal amount, String currency, String mobile, String name,
                            String clientReference, String reason) {
    public PayoutRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a payout needs an idempotency key");
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("XOF amounts are whole francs");
        }
        amount = amount.setScale(0, RoundingMode.UNNECESSARY);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payout amount is more than zero");
        }
        currency = currency == null ? "XOF" : currency;
        Objects.requireNonNull(mobile, "mobile");
    }

    /** With the phone number masked and without the name. */
    @Override
    public String toString() {
        return "PayoutRequest[idempotencyKey=" + idempotencyKey + ", amount=" + amount + ", currency=" + currency
                + ", mobile=" + LogMask.phone(mobile) + ", clientReference=" + clientReference + "]";
    }
}
