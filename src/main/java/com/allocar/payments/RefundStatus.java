package com.allocar.payments;

/** pending (a provider refund to send, or being retried) → completed | failed (the provider refused it). */
public enum RefundStatus {
    pending, completed, failed
}
