package com.allocar.payments;

/** init → authorized? → paid | failed; paid → refunded (full or partial, see refundedAmount). */
public enum PaymentStatus {
    init, authorized, paid, failed, refunded
}
