package com.allocar.wallet;

import java.util.EnumSet;
import java.util.Set;

/**
 * A withdrawal's states. {@code requested}: the wallet is debited, the payout not yet answered; {@code processing}:
 * sent, but the provider has not said it succeeded or failed (or we could not hear its answer); {@code done}: paid
 * out; {@code failed}: not paid, the money is back in the wallet. Open states move to processing, done or
 * failed; the final states never change ({@link WithdrawalRecords} updates only open rows).
 */
public enum WithdrawalStatus {
    requested, processing, done, failed;

    /** States whose payout the job still sends or looks up. */
    public static final Set<WithdrawalStatus> OPEN = EnumSet.of(requested, processing);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The SQL condition of the open states: every change after creation is conditional on it. */
    static String openCondition() {
        return OPEN.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ",
                "status IN (", ")"));
    }
}
