package com.allocar.wallet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A transfer as the provider reports it.
 *
 * @param providerPayoutId the provider's id ({@code pt-…}), for {@code payouts.provider_ref}
 * @param status           processing (not final), succeeded, failed, or reversed (succeeded, then taken back)
 * @param fee              the provider's fee when reported, else null
 * @param failureReason    the provider's error code on failure, else null
 * @param raw              the provider's answer (JSON)
 */
public record PayoutResult(String providerPayoutId, Status status, BigDecimal amount, BigDecimal fee,
                           String failureReason, String raw) {
    public enum Status {
        processing, succeeded, failed, reversed
    }

    public PayoutResult {
        Objects.requireNonNull(status, "status");
    }

    /** Without the raw answer, which holds the recipient's phone number and name. */
    @Override
    public String toString() {
        return "PayoutResult[providerPayoutId=" + providerPayoutId + ", status=" + status + ", amount=" + amount
                + ", fee=" + fee + ", failureReason=" + failureReason + "]";
    }
}
