package com.allocar.payments;

import com.allocar.platform.errors.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * init → authorized? → paid | failed; paid → refunded (full or partial, see {@code refundedAmount}); refunded →
 * refunded (a further partial refund). The allowed moves live here and nowhere else.
 *
 * <p>Never backwards: a late {@code pending} or {@code failed} never downgrades {@code paid}. One move goes
 * "sideways": {@code failed → paid}, because a provider may report a failed try and later a success of the same
 * attempt (Wave sessions stay open after a failed try; an Orange or MTN look-up may answer FAILED before the payer
 * finally approves): when the money really arrived it must be recorded, then settled or refunded like any payment.
 */
public enum PaymentStatus {
    init, authorized, paid, failed, refunded;

    private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
            init, EnumSet.of(authorized, paid, failed),
            authorized, EnumSet.of(paid, failed),
            paid, EnumSet.of(refunded),
            failed, EnumSet.of(paid),
            refunded, EnumSet.of(refunded));

    public boolean canMoveTo(PaymentStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** 409 conflict unless this status may move to {@code target}. */
    public void requireTransitionTo(PaymentStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("A " + this + " payment cannot become " + target + ".",
                    Map.of("from", name(), "to", target.name()));
        }
    }

    /** Still waiting for the provider: the attempt may be reused, paid or failed. */
    public boolean open() {
        return this == init || this == authorized;
    }

    /** The money arrived (some of it may have been given back since). */
    public boolean collected() {
        return this == paid || this == refunded;
    }
}
