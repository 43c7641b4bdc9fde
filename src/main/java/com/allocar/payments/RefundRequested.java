package com.allocar.payments;

import java.util.UUID;

/** A provider refund was recorded pending; {@link RefundSender} sends it once its transaction commits. */
public record RefundRequested(UUID refundId) {
}
