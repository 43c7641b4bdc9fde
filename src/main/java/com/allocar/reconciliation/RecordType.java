package com.allocar.reconciliation;

/** Which of our records a difference is about: a payment (one of its attempts) or a refund. */
public enum RecordType {
    payment, refund
}
