package com.allocar.payments;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money of a payment is going back to the payer (a refund decided, to the wallet or by the provider, or one the
 * provider made on its own). Fired inside the deciding transaction, so that what observes it synchronously (the
 * driver's earnings ledger reversing a completed booking's earning) commits with it.
 *
 * @param bookingId     the booking the payment paid, null for a top-up
 * @param paid          what the payer paid (the payment's amount)
 * @param discount      the promo discount the platform bore on it (0 without a promo)
 * @param refundedTotal what is refunded or being refunded of the payment so far, this refund included
 */
public record PaymentRefundRecorded(UUID paymentId, UUID bookingId, UUID refundId, BigDecimal amount, BigDecimal paid,
                                    BigDecimal discount, BigDecimal refundedTotal) {
}
