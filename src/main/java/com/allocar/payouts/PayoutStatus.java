package com.allocar.payouts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * scheduled → processing → paid | failed | needs_review; processing → processing (an attempt whose outcome is unknown
 * is tried again); needs_review → paid | failed (finance decides). The allowed moves live here.
 */
public enum PayoutStatus {
    scheduled, processing, paid, failed, needs_review;

    private static final Map<PayoutStatus, Set<PayoutStatus>> NEXT = Map.of(
            scheduled, EnumSet.of(processing),
            processing, EnumSet.of(processing, paid, failed, needs_review),
            needs_review, EnumSet.of(paid, failed),
            paid, EnumSet.noneOf(PayoutStatus.class),
            failed, EnumSet.noneOf(PayoutStatus.class));

    public boolean canMoveTo(PayoutStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Money may still leave for it: the ledger has it as taken, the provider may be paying it. */
    public boolean inFlight() {
        return this == scheduled || this == processing;
    }

    public boolean isFinal() {
        return this == paid || this == failed;
    }
}
