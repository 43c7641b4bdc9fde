package com.allocar.promos;

/**
 * reserved (at POST /payments/init, counted against the limits) → consumed (the payment was paid) | released (the
 * payment failed, expired or was cancelled, or the promo was replaced); consumed → released (refunded in full).
 * Reserved and consumed count against max_uses and per_user_limit; released does not. See docs/promos.md.
 */
public enum RedemptionStatus {
    reserved, consumed, released;

    /** Still counting against the limits. */
    public boolean live() {
        return this != released;
    }
}
