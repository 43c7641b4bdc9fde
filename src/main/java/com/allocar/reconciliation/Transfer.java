package com.allocar.reconciliation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money we sent out through a provider's payout API, as the reconciliation compares it: a driver payout or a wallet
 * withdrawal (both Wave payouts, whose {@code client_reference} and idempotency key are our id).
 *
 * @param status      our status in our words ({@code paid}, {@code done}, {@code processing}…)
 * @param state       what that status means for the money
 * @param providerRef the provider's payout id ({@code pt-…}) once known
 */
public record Transfer(RecordType type, UUID id, BigDecimal amount, String status, State state, String providerRef) {
    /** paid: sent for good; failed: not sent, the amount given back; open: still being sent; review: finance decides. */
    public enum State { paid, failed, open, review }
}
