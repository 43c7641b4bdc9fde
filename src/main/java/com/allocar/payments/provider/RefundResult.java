package com.allocar.payments.provider;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The outcome of a refund request.
 *
 * @param outcome          {@code refunded} (done), {@code pending} (accepted, the provider finishes it later:
 *                         look the payment up or wait for its webhook), or {@code unsupported} (this provider
 *                         cannot refund this, e.g. Orange and MTN collections, or a partial Wave refund: refund
 *                         to the wallet instead; nothing was sent)
 * @param providerRefundId the provider's refund id when it gives one (Stripe {@code re_…}), else null
 * @param amount           the amount refunded or being refunded; null when unsupported
 * @param reason           why unsupported, for logs; else null
 */
public record RefundResult(Outcome outcome, String providerRefundId, BigDecimal amount, String reason) {
    public enum Outcome {
        refunded, pending, unsupported
    }

    public RefundResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static RefundResult unsupported(String reason) {
        return new RefundResult(Outcome.unsupported, null, null, reason);
    }

    public boolean supported() {
        return outcome != Outcome.unsupported;
    }
}
