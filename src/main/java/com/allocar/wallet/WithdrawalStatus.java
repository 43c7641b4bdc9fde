package com.allocar.wallet;

import java.util.EnumSet;
import java.util.Set;

/**
 * A withdrawal's states. {@code requested}: the wallet is debited, the payout not yet answered; {@code processing}:
 * sent, but the provider has not said it succeeded or failed (or we could not hear its answer); {@code needs_review}:
 * the provider may have paid (an earlier send went unanswered and a later one was refused), so nothing is retried
 * nor credited back until finance resolves it as done or failed; {@code done}: paid out; {@code failed}: not paid,
 * the money is back in the wallet. Open states move to processing, needs_review, done or failed; the final states
 * never change ({@link WithdrawalRecords} updates only open rows, and needs_review rows only by a resolution).
 */
public enum WithdrawalStatus {
    requested, processing, needs_review, done, failed;

    /** States whose payout the job still sends or looks up. */
    public static final Set<WithdrawalStatus> OPEN = EnumSet.of(requested, processing);
    /** Debited and neither paid out nor given back yet: the wallet shows them as pending withdrawals. */
    public static final Set<WithdrawalStatus> UNSETTLED = EnumSet.of(requested, processing, needs_review);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The SQL condition of the open states: every change after creation is conditional on it. */
    static String openCondition() {
        return OPEN.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ",
                "status IN (", ")"));
    }
}
