package com.allocar.reconciliation;

/**
 * Which of our records a difference is about: a payment (one of its attempts), a refund, a driver payout or a wallet
 * withdrawal (both Wave payouts).
 */
public enum RecordType {
    payment, refund, payout, withdrawal
}
