package com.allocar.payments;

/**
 * pending (a provider refund to send, or being retried) → completed | failed (the provider refused it) |
 * needs_review (the provider may have refunded: an earlier send went unanswered and a later one was refused; or a
 * MANUAL refund finance pays out) → completed | failed by finance's resolution. A refund in needs_review still
 * counts as being refunded, so the same money cannot be refunded again meanwhile.
 */
public enum RefundStatus {
    pending, completed, failed, needs_review
}
