package com.allocar.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A refund as decided in its cause's transaction.
 *
 * @param route  where it goes: {@code WALLET} (credited already) or {@code ORIGINAL} (a provider refund, sent
 *               after the commit)
 * @param status {@code completed} (wallet credit done) or {@code pending} (provider refund to be sent)
 */
public record RefundOutcome(UUID refundId, UUID paymentId, BigDecimal amount, RefundRoute route, String status) {
}
