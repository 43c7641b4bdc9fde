package com.allocar.wallet;

import java.util.EnumSet;
import java.util.Set;

/**
 * A withdrawal's states. {@code requested}: the wallet is debited, the payout not yet answered; {@code processing}:
 * sent, but the provider has not said it succeeded or failed (or we could not hear its answer); {@code done}: paid
 * out; {@code failed}: not paid, the money is back in the wallet. The final states never change.
 */
public enum WithdrawalStatus {
    requested, processing, done, failed;

    /** States whose payout the job still sends or looks up. */
    public static final Set<WithdrawalStatus> OPEN = EnumSet.of(requested, processing);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether the state machine allows {@code this → next}: open states go on, final ones stay. */
    public boolean canMoveTo(WithdrawalStatus next) {
        return open() && next != requested;
    }
}
